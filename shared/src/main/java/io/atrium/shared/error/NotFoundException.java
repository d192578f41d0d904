package io.atrium.shared.error;

/** The resource does not exist for the caller's tenant (or belongs to another tenant). */
public class NotFoundException extends PlatformException {
    private final String resourceId;

    public NotFoundException(String detail) {
        this(detail, null);
    }

    /**
     * @param resourceId the id the client named (e.g. a reference inside a body), so a cross-tenant attempt
     *                   can be logged; path parameters are checked without it
     */
    public NotFoundException(String detail, String resourceId) {
        super(detail);
        this.resourceId = resourceId;
    }

    /** The one wording of a 404 for a path id: no {@code resource} ("partner", "order", ...) with this id in the tenant. */
    public static NotFoundException noSuch(String resource) {
        return new NotFoundException("No " + resource + " with this id.");
    }

    /** The id the client asked for, when the thrower named it. */
    public String resourceId() {
        return resourceId;
    }
}
