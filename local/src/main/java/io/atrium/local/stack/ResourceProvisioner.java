package io.atrium.local.stack;

import java.util.List;

/**
 * Starts the resources of one or more types of a stack, as one CloudFormation resource provider would (SAM CLI
 * has one provider per resource type the same way). {@link ResourceTypes#PROVISIONERS} lists them in the order a
 * stack starts: what a later type refers to exists first. A new resource type the runtime learns (SQS queues,
 * schedules, ...) is one more provisioner in that list.
 */
interface ResourceProvisioner {

    /** The types this provisioner starts, in the order it starts them within a stack. */
    List<String> types();

    /** Gives a resource its physical name before anything starts (other resources' {@code Ref}s may need it). */
    default void name(StackBuild build, Resource resource) {
    }

    /** Starts the stack's resources of {@link #types()}, ordered by type, then by their order in the template. */
    void provision(StackBuild build, List<Resource> resources);
}
