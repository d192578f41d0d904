package io.atrium.local.lambda.crac;

/** A resource failed after the restore (its failures are suppressed exceptions). */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;
}
