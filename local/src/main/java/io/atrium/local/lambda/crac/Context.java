package io.atrium.local.lambda.crac;

/** CRaC's context: a resource that notifies the resources registered with it. */
public abstract class Context<R extends Resource> implements Resource {
    public abstract void register(R resource);
}
