package io.atrium.local.stack;

import io.atrium.local.apigateway.RestApi;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.template.Location;
import io.atrium.local.template.Node;
import io.atrium.local.template.Template;
import io.atrium.local.template.TemplateException;
import io.atrium.local.template.TemplateResolver;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One stack started from its template: every resource started by the {@link ResourceProvisioner} of its type, in
 * the order {@link ResourceTypes#PROVISIONERS} gives (tables, SSM parameters, secrets, layers, Cognito, usage plans,
 * functions with their events, APIs), then its exports published. Anything the local runtime cannot emulate is a
 * {@link TemplateException} naming the template, the logical id and the line.
 */
public final class LocalStack implements AutoCloseable {

    private final StackDefinition definition;
    private final TemplateResolver resolver;
    private final Map<String, String> tables;
    private final Map<String, LocalFunction> functions;
    private final List<RestApi> apis;
    private final List<EventSource> eventSources;
    private final Map<String, String> exports;

    private LocalStack(StackDefinition definition, TemplateResolver resolver, Map<String, String> tables,
            Map<String, LocalFunction> functions, List<RestApi> apis, List<EventSource> eventSources,
            Map<String, String> exports) {
        this.definition = definition;
        this.resolver = resolver;
        this.tables = tables;
        this.functions = functions;
        this.apis = apis;
        this.eventSources = List.copyOf(eventSources);
        this.exports = exports;
    }

    public StackDefinition definition() {
        return definition;
    }

    public TemplateResolver resolver() {
        return resolver;
    }

    /** Logical id -> physical table name. */
    public Map<String, String> tables() {
        return tables;
    }

    /** Logical id -> function. */
    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public List<RestApi> apis() {
        return apis;
    }

    /** What invokes the stack's functions besides HTTP (queues, schedules, streams), started by the runtime. */
    public List<EventSource> eventSources() {
        return eventSources;
    }

    /** Export name -> value. */
    public Map<String, String> exports() {
        return exports;
    }

    @Override
    public void close() {
        eventSources.forEach(EventSource::close);
        functions.values().forEach(LocalFunction::close);
    }

    /** Starts {@code def}; the stacks it takes from must already be in {@code registry}. */
    public static LocalStack start(StackDefinition def, Registry registry, DynamoDbClient dynamoDb, URI dynamoDbEndpoint,
            Path workDir, String tablePrefix) {
        StackBuild build = new StackBuild(def, registry, dynamoDb, dynamoDbEndpoint, workDir, tablePrefix);
        List<Resource> created = ResourceTypes.created(build);
        // physical names first: resources refer to each other by them
        for (ResourceProvisioner p : ResourceTypes.PROVISIONERS) {
            ResourceTypes.of(p, created).forEach(r -> p.name(build, r));
        }
        for (ResourceProvisioner p : ResourceTypes.PROVISIONERS) {
            p.provision(build, ResourceTypes.of(p, created));
        }
        Map<String, String> exports = build.resolver.exports();
        for (Map.Entry<String, String> x : exports.entrySet()) {
            registry.export(x.getKey(), x.getValue(), def.stackName(), exportLocation(build, x.getKey()));
        }
        return new LocalStack(def, build.resolver, Map.copyOf(build.tableNames), build.functions, build.apis,
                build.eventSources, exports);
    }

    private static Location exportLocation(StackBuild build, String exportName) {
        Template t = build.definition.template();
        for (Node output : t.outputs().entries().values()) {
            Node export = output.asMap().get("Export");
            if (export != null && build.resolver.resolveText(export.asMap().require("Name")).equals(exportName)) {
                return export.location();
            }
        }
        return t.root().location();
    }
}
