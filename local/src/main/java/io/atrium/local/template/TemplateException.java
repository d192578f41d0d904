package io.atrium.local.template;

/**
 * A template the local runtime cannot read or emulate. The message always names the template, the
 * line and the path of the node (which starts with the logical id), e.g.
 * {@code partner/template.yaml:42: Resources.GetPartnerFunction.Properties.Environment.Variables.TABLE: no started stack exports 'x'}.
 */
public class TemplateException extends RuntimeException {

    private final transient Location location;

    public TemplateException(Location location, String message) {
        super(location + ": " + message);
        this.location = location;
    }

    public TemplateException(Location location, String message, Throwable cause) {
        super(location + ": " + message, cause);
        this.location = location;
    }

    /** An error about a whole file (missing, unparsable), with no node to point at. */
    public TemplateException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.location = new Location(file, 0, "");
    }

    public Location location() {
        return location;
    }
}
