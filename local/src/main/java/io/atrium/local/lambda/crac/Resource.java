package io.atrium.local.lambda.crac;

/** CRaC's resource, as {@code org.crac} expects of an implementation (see {@link Core}). */
public interface Resource {
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
