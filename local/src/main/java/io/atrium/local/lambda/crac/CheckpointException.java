package io.atrium.local.lambda.crac;

/** A resource refused the checkpoint (its failures are suppressed exceptions). */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;
}
