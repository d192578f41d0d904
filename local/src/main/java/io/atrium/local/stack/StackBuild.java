package io.atrium.local.stack;

import io.atrium.local.apigateway.RestApi;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.template.TemplateResolver;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One stack while it starts: where it runs (DynamoDB Local, work folder, the account's {@link Registry}), its
 * resolver, and what its provisioners have made so far, handed from one provisioner to the next.
 */
final class StackBuild {

    /** A route from a function's {@code Api} event, kept until its Api is built. */
    record ApiRoute(String functionId, LocalFunction function, String apiLogicalId, String path, String method,
            io.atrium.local.template.Node authorizer, io.atrium.local.template.Node apiKeyRequired,
            io.atrium.local.template.Node at) {
    }

    final StackDefinition definition;
    final Registry registry;
    final DynamoDbClient dynamoDb;
    final URI dynamoDbEndpoint;
    final Path workDir;
    final String tablePrefix;
    final String region;
    final String account;
    /** Logical id -> physical name; shared with {@link #resources}, which answers {@code Ref} with them. */
    final Map<String, String> tableNames = new LinkedHashMap<>();
    final Map<String, String> functionNames = new LinkedHashMap<>();
    final LocalResources resources;
    final TemplateResolver resolver;
    final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    final List<ApiRoute> apiRoutes = new ArrayList<>();
    final List<RestApi> apis = new ArrayList<>();
    final List<EventSource> eventSources = new ArrayList<>();

    StackBuild(StackDefinition definition, Registry registry, DynamoDbClient dynamoDb, URI dynamoDbEndpoint,
            Path workDir, String tablePrefix) {
        this.definition = definition;
        this.registry = registry;
        this.dynamoDb = dynamoDb;
        this.dynamoDbEndpoint = dynamoDbEndpoint;
        this.workDir = workDir;
        this.tablePrefix = tablePrefix;
        this.region = definition.config().region().orElse(TemplateResolver.DEFAULT_REGION);
        this.account = TemplateResolver.DEFAULT_ACCOUNT_ID;
        this.resources = new LocalResources(definition.stackName(), region, account, tableNames, functionNames);
        this.resources.cognito(registry.cognito());
        this.resolver = TemplateResolver.builder(definition.template())
                .samConfig(definition.config())
                .stackName(definition.stackName())
                .region(region)
                .accountId(account)
                .resources(resources)
                .imports(registry::exportValue)
                .dynamicReferences(registry)
                .build();
    }

    String stackName() {
        return definition.stackName();
    }

    /** Adds an event source (a queue poller, a schedule, a stream reader) started once every stack is up. */
    void eventSource(EventSource source) {
        eventSources.add(source);
    }

    /** The declared physical name ({@code FunctionName}, {@code TableName}, ...) or {@code {stack}-{LogicalId}}. */
    String physicalName(Resource resource, String property) {
        var declared = io.atrium.local.template.Template.properties(resource.node()).get(property);
        return declared != null ? resolver.resolveText(declared) : stackName() + "-" + resource.logicalId();
    }
}
