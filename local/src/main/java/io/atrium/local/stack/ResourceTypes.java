package io.atrium.local.stack;

import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the local runtime does with each resource type and function event type: the one place that says so. A type
 * run locally has a {@link ResourceProvisioner} in {@link #PROVISIONERS} (in start order); a type with no effect a
 * local client can observe is accepted ({@link NoLocalEffectResources}); any other type stops the start naming
 * template and line.
 */
public final class ResourceTypes {

    /** The provisioners, in the order a stack starts: tables, parameters and secrets, layers, account resources, functions, APIs. */
    static final List<ResourceProvisioner> PROVISIONERS = List.of(new TableResources(), new SsmParameterResources(),
            new SecretResources(), new LayerResources(), new CognitoResources(), new UsagePlanResources(),
            new QueueResources(), new FunctionResources(), new SchedulerResources(), new ApiResources(),
            new NoLocalEffectResources());

    /** The function event types run locally, by {@code Type}: one binder each (an event source plugs in here). */
    static final Map<String, FunctionEvents> FUNCTION_EVENTS = byType(new ApiEvents(), new SqsEvents(),
            new ScheduleEvents("Schedule"), new ScheduleEvents("ScheduleV2"), new DynamoDbEvents());

    private ResourceTypes() {
    }

    private static Map<String, FunctionEvents> byType(FunctionEvents... binders) {
        Map<String, FunctionEvents> out = new java.util.LinkedHashMap<>();
        for (FunctionEvents b : binders) {
            out.put(b.type(), b);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Resource types the local runtime runs. */
    public static Set<String> emulated() {
        Set<String> out = new LinkedHashSet<>();
        PROVISIONERS.stream().filter(p -> !(p instanceof NoLocalEffectResources)).forEach(p -> out.addAll(p.types()));
        return Collections.unmodifiableSet(out);
    }

    /** Resource types accepted without running anything (no effect a local client can observe). */
    public static Set<String> withoutLocalEffect() {
        return Set.copyOf(new NoLocalEffectResources().types());
    }

    /** Function event types the local runtime runs. */
    public static Set<String> functionEvents() {
        return FUNCTION_EVENTS.keySet();
    }

    /** The template's resources CloudFormation would create, after checking that every type is known here. */
    static List<Resource> created(StackBuild build) {
        Set<String> known = new LinkedHashSet<>(emulated());
        known.addAll(withoutLocalEffect());
        List<Resource> created = new ArrayList<>();
        for (Map.Entry<String, Node> e : build.definition.template().resources().entries().entrySet()) {
            MapNode resource = e.getValue().asMap();
            Node typeNode = resource.require("Type");
            String type = typeNode.asText();
            if (!known.contains(type)) {
                throw typeNode.error("resource type " + type + " is not emulated by the local runtime");
            }
            if (build.resolver.isCreated(e.getKey())) {
                created.add(new Resource(e.getKey(), type, resource));
            }
        }
        return created;
    }

    /** {@code resources} of the provisioner's types, ordered by type as it lists them, then as in the template. */
    static List<Resource> of(ResourceProvisioner provisioner, List<Resource> resources) {
        List<Resource> out = new ArrayList<>();
        for (String type : provisioner.types()) {
            resources.stream().filter(r -> r.type().equals(type)).forEach(out::add);
        }
        return out;
    }
}
