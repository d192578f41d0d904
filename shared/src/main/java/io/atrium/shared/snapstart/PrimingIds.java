package io.atrium.shared.snapstart;

/**
 * The ids every primer uses (ADR 0016): a well-formed tenant that owns nothing and a well-formed id no item has.
 * Real ids are minted by {@code Ids.newId}, never these, so a read of them finds nothing and a write refused while
 * priming ({@link PrimingGuard}) names nothing that exists.
 */
public final class PrimingIds {
    public static final String TENANT_ID = "ten_SnapStartPrimingOwnsNothing";
    public static final String ITEM_ID = "snapstart_priming_no_such_item";

    private PrimingIds() {
    }
}
