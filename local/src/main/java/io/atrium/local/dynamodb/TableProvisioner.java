package io.atrium.local.dynamodb;

import io.atrium.local.template.ListNode;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ResourceReferences;
import io.atrium.local.template.SamConfig;
import io.atrium.local.template.Template;
import io.atrium.local.template.TemplateResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;

/**
 * Creates the DynamoDB tables a template declares ({@code AWS::DynamoDB::Table} and
 * {@code AWS::Serverless::SimpleTable}) exactly as declared: attributes, keys, GSIs and LSIs with their
 * projections, billing mode, stream and TTL. A property it cannot emulate is an error naming the line.
 */
public final class TableProvisioner {

    /** Properties that change nothing a client can observe locally (encryption, backups, tags, ...). */
    private static final Set<String> NO_LOCAL_EFFECT = Set.of("SSESpecification", "PointInTimeRecoverySpecification",
            "Tags", "DeletionProtectionEnabled", "ContributorInsightsSpecification", "TableClass",
            "ResourcePolicy", "OnDemandThroughput", "WarmThroughput");

    private static final Set<String> EMULATED = Set.of("TableName", "AttributeDefinitions", "KeySchema", "BillingMode",
            "ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification",
            "TimeToLiveSpecification");

    /** A table as created: logical id, physical name, ARN and (when it has a stream) the stream's ARN. */
    public record ProvisionedTable(String logicalId, String tableName, String arn, String streamArn) {
    }

    private TableProvisioner() {
    }

    /**
     * Creates every table of {@code templateYaml} (its sibling {@code samconfig.toml} supplies stack name and
     * parameters) and returns logical id -> physical table name, in template order. A table without a
     * {@code TableName} is named {@code {physicalNamePrefix}-{LogicalId}}.
     */
    public static Map<String, String> createTables(DynamoDbClient client, Path templateYaml, String physicalNamePrefix) {
        Template template = Template.read(templateYaml);
        SamConfig config = SamConfig.read(templateYaml.resolveSibling("samconfig.toml"));
        Map<String, String> names = new LinkedHashMap<>();
        for (ProvisionedTable t : provision(client, template, config, physicalNamePrefix)) {
            names.put(t.logicalId(), t.tableName());
        }
        return names;
    }

    /** As {@link #createTables}, for an already read template, returning the tables' ARNs too. */
    public static List<ProvisionedTable> provision(DynamoDbClient client, Template template, SamConfig config,
            String physicalNamePrefix) {
        Map<String, String> physical = physicalNames(template, physicalNamePrefix, config);
        TemplateResolver resolver = TemplateResolver.builder(template)
                .samConfig(config)
                .stackName(config.stackName().orElse(physicalNamePrefix))
                .resources(tableReferences(physical, TemplateResolver.DEFAULT_REGION, TemplateResolver.DEFAULT_ACCOUNT_ID))
                .build();
        return provision(client, template, resolver, physical);
    }

    /**
     * Creates the tables named in {@code physicalNames} (logical id -> table name, see {@link #physicalNames}),
     * resolving their properties with {@code resolver}.
     */
    public static List<ProvisionedTable> provision(DynamoDbClient client, Template template, TemplateResolver resolver,
            Map<String, String> physicalNames) {
        return provision(client, template, resolver, physicalNames, false);
    }

    /**
     * As above; with {@code reuseExisting} a table that already exists (a persisted database from an earlier run)
     * is kept as it is instead of failing.
     */
    public static List<ProvisionedTable> provision(DynamoDbClient client, Template template, TemplateResolver resolver,
            Map<String, String> physicalNames, boolean reuseExisting) {
        // resolved first (the resolver is not for concurrent use), then created in parallel: DynamoDB Local
        // spends most of a CreateTable waiting, and a template declares a table per aggregate
        java.util.Set<String> existingNames = new java.util.HashSet<>();
        if (reuseExisting) {
            client.listTablesPaginator().tableNames().forEach(existingNames::add);
        }
        List<java.util.concurrent.Callable<ProvisionedTable>> creations = new ArrayList<>();
        for (Map.Entry<String, String> e : physicalNames.entrySet()) {
            String logicalId = e.getKey();
            if (!resolver.isCreated(logicalId)) {
                continue;
            }
            String type = template.type(logicalId);
            MapNode props = resolver.resolvedProperties(logicalId);
            String tableName = e.getValue();
            creations.add(() -> {
                if (existingNames.contains(tableName)) {
                    TableDescription existing = describe(client, tableName);
                    if (existing != null) {
                        existing = withDeclaredStream(client, existing, props);
                        return new ProvisionedTable(logicalId, existing.tableName(), existing.tableArn(),
                                existing.latestStreamArn());
                    }
                }
                TableDescription created = type.equals("AWS::Serverless::SimpleTable")
                        ? createSimpleTable(client, props, tableName)
                        : createTable(client, props, tableName);
                return new ProvisionedTable(logicalId, created.tableName(), created.tableArn(), created.latestStreamArn());
            });
        }
        return runAll(creations);
    }

    /** Runs the creations, up to four at once when there are several; results in the creations' order. */
    private static List<ProvisionedTable> runAll(List<java.util.concurrent.Callable<ProvisionedTable>> creations) {
        List<ProvisionedTable> out = new ArrayList<>();
        if (creations.size() <= 1) {
            for (java.util.concurrent.Callable<ProvisionedTable> c : creations) {
                out.add(call(c));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(4, creations.size()), r -> {
                    Thread t = new Thread(r, "create-table");
                    t.setDaemon(true);
                    return t;
                });
        try {
            for (java.util.concurrent.Future<ProvisionedTable> f : pool.invokeAll(creations)) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException ex) {
                    throw ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
                }
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating tables", ex);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static ProvisionedTable call(java.util.concurrent.Callable<ProvisionedTable> c) {
        try {
            return c.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Logical id -> physical name of every table in the template: its declared {@code TableName} (resolved
     * with stack name and parameters only) or {@code {prefix}-{LogicalId}}.
     */
    public static Map<String, String> physicalNames(Template template, String prefix, SamConfig config) {
        TemplateResolver names = TemplateResolver.builder(template).samConfig(config)
                .stackName(config.stackName().orElse(prefix)).build();
        return physicalNames(template, prefix, names);
    }

    /** As above, resolving declared {@code TableName}s with {@code resolver}. */
    public static Map<String, String> physicalNames(Template template, String prefix, TemplateResolver resolver) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : template.resources().entries().entrySet()) {
            MapNode resource = e.getValue().asMap();
            String type = resource.require("Type").asText();
            if (!type.equals("AWS::DynamoDB::Table") && !type.equals("AWS::Serverless::SimpleTable")) {
                continue;
            }
            Node declared = Template.properties(resource).get("TableName");
            out.put(e.getKey(), declared != null ? resolver.resolveText(declared) : prefix + "-" + e.getKey());
        }
        return out;
    }

    /** Ref to a table is its name, GetAtt Arn its ARN; everything else is not emulated here. */
    public static ResourceReferences tableReferences(Map<String, String> physical, String region, String accountId) {
        return new ResourceReferences() {
            @Override
            public Object ref(String logicalId, String type, MapNode resource) {
                return physical.get(logicalId);
            }

            @Override
            public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
                String name = physical.get(logicalId);
                return name != null && attribute.equals("Arn")
                        ? "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name : null;
            }
        };
    }

    private static TableDescription createTable(DynamoDbClient client, MapNode props, String tableName) {
        for (Map.Entry<String, Node> p : props.entries().entrySet()) {
            if (!EMULATED.contains(p.getKey()) && !NO_LOCAL_EFFECT.contains(p.getKey())) {
                throw p.getValue().error("AWS::DynamoDB::Table property '" + p.getKey()
                        + "' is not emulated by the local runtime");
            }
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName);
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Node a : props.require("AttributeDefinitions").asList()) {
            MapNode m = a.asMap();
            attributes.add(AttributeDefinition.builder()
                    .attributeName(m.require("AttributeName").asText())
                    .attributeType(enumValue(ScalarAttributeType.class, m.require("AttributeType")))
                    .build());
        }
        request.attributeDefinitions(attributes);
        request.keySchema(keySchema(props.require("KeySchema")));
        boolean provisioned = billing(props, request);
        indexes(props, request, provisioned);
        Node stream = props.get("StreamSpecification");
        if (stream != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(enumValue(StreamViewType.class, stream.asMap().require("StreamViewType")))
                    .build());
        }
        TableDescription table;
        try {
            table = client.createTable(request.build()).tableDescription();
        } catch (RuntimeException e) {
            throw props.error("DynamoDB Local refused table '" + tableName + "': " + e.getMessage());
        }
        timeToLive(client, props, tableName);
        return table;
    }

    /** The billing mode (and throughput when provisioned); true when provisioned. */
    private static boolean billing(MapNode props, CreateTableRequest.Builder request) {
        String billing = props.text("BillingMode", "PROVISIONED");
        boolean provisioned = billing.equals("PROVISIONED");
        if (!provisioned && !billing.equals("PAY_PER_REQUEST")) {
            throw props.require("BillingMode").error("BillingMode must be PROVISIONED or PAY_PER_REQUEST");
        }
        request.billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) {
            request.provisionedThroughput(throughput(props, "ProvisionedThroughput"));
        }
        return provisioned;
    }

    private static void indexes(MapNode props, CreateTableRequest.Builder request, boolean provisioned) {
        Node gsis = props.get("GlobalSecondaryIndexes");
        if (gsis != null) {
            List<GlobalSecondaryIndex> indexes = new ArrayList<>();
            for (Node g : gsis.asList()) {
                MapNode m = g.asMap();
                GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                        .indexName(m.require("IndexName").asText())
                        .keySchema(keySchema(m.require("KeySchema")))
                        .projection(projection(m.require("Projection")));
                if (provisioned) {
                    index.provisionedThroughput(throughput(m, "ProvisionedThroughput"));
                }
                indexes.add(index.build());
            }
            request.globalSecondaryIndexes(indexes);
        }
        Node lsis = props.get("LocalSecondaryIndexes");
        if (lsis != null) {
            List<LocalSecondaryIndex> indexes = new ArrayList<>();
            for (Node l : lsis.asList()) {
                MapNode m = l.asMap();
                indexes.add(LocalSecondaryIndex.builder()
                        .indexName(m.require("IndexName").asText())
                        .keySchema(keySchema(m.require("KeySchema")))
                        .projection(projection(m.require("Projection")))
                        .build());
            }
            request.localSecondaryIndexes(indexes);
        }
    }

    private static void timeToLive(DynamoDbClient client, MapNode props, String tableName) {
        Node ttl = props.get("TimeToLiveSpecification");
        if (ttl == null) {
            return;
        }
        MapNode m = ttl.asMap();
        if (m.find("Enabled").map(Node::asBoolean).orElse(false)) {
            client.updateTimeToLive(r -> r.tableName(tableName).timeToLiveSpecification(
                    TimeToLiveSpecification.builder().attributeName(m.require("AttributeName").asText())
                            .enabled(true).build()));
        }
    }

    private static TableDescription createSimpleTable(DynamoDbClient client, MapNode props, String tableName) {
        String keyName = "id";
        ScalarAttributeType keyType = ScalarAttributeType.S;
        Node pk = props.get("PrimaryKey");
        if (pk != null) {
            MapNode m = pk.asMap();
            keyName = m.require("Name").asText();
            String t = m.require("Type").asText();
            keyType = switch (t) {
                case "String" -> ScalarAttributeType.S;
                case "Number" -> ScalarAttributeType.N;
                case "Binary" -> ScalarAttributeType.B;
                default -> throw m.require("Type").error("PrimaryKey Type must be String, Number or Binary");
            };
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(keyName).attributeType(keyType).build())
                .keySchema(KeySchemaElement.builder().attributeName(keyName).keyType(KeyType.HASH).build());
        if (props.has("ProvisionedThroughput")) {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(props, "ProvisionedThroughput"));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        try {
            return client.createTable(request.build()).tableDescription();
        } catch (RuntimeException e) {
            throw props.error("DynamoDB Local refused table '" + tableName + "': " + e.getMessage());
        }
    }

    /**
     * A kept table (a persisted database) gets the stream the template declares if it has none yet; a stream of
     * another view type cannot be changed in place and stops the start.
     */
    private static TableDescription withDeclaredStream(DynamoDbClient client, TableDescription table, MapNode props) {
        Node declared = props.get("StreamSpecification");
        if (declared == null) {
            return table;
        }
        Node viewType = declared.asMap().require("StreamViewType");
        StreamViewType wanted = enumValue(StreamViewType.class, viewType);
        StreamSpecification has = table.streamSpecification();
        if (has != null && Boolean.TRUE.equals(has.streamEnabled())) {
            if (has.streamViewType() != wanted) {
                throw viewType.error("table '" + table.tableName() + "' kept from an earlier run streams "
                        + has.streamViewTypeAsString() + ": delete the persisted data to change its stream");
            }
            return table;
        }
        return client.updateTable(r -> r.tableName(table.tableName()).streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(wanted).build())).tableDescription();
    }

    private static TableDescription describe(DynamoDbClient client, String tableName) {
        try {
            return client.describeTable(r -> r.tableName(tableName)).table();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static List<KeySchemaElement> keySchema(Node node) {
        List<KeySchemaElement> out = new ArrayList<>();
        for (Node k : node.asList()) {
            MapNode m = k.asMap();
            out.add(KeySchemaElement.builder().attributeName(m.require("AttributeName").asText())
                    .keyType(enumValue(KeyType.class, m.require("KeyType"))).build());
        }
        return out;
    }

    private static Projection projection(Node node) {
        MapNode m = node.asMap();
        Projection.Builder p = Projection.builder()
                .projectionType(m.has("ProjectionType") ? enumValue(ProjectionType.class, m.require("ProjectionType"))
                        : ProjectionType.KEYS_ONLY);
        Node nonKey = m.get("NonKeyAttributes");
        if (nonKey != null) {
            List<String> names = new ArrayList<>();
            for (Node n : (ListNode) nonKey.asList()) {
                names.add(n.asText());
            }
            p.nonKeyAttributes(names);
        }
        return p.build();
    }

    private static ProvisionedThroughput throughput(MapNode owner, String key) {
        MapNode m = owner.require(key).asMap();
        return ProvisionedThroughput.builder()
                .readCapacityUnits((long) m.require("ReadCapacityUnits").asInt())
                .writeCapacityUnits((long) m.require("WriteCapacityUnits").asInt())
                .build();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Node node) {
        String text = node.asText();
        for (E e : type.getEnumConstants()) {
            if (e.toString().equals(text)) {
                return e;
            }
        }
        throw node.error("'" + text + "' is not a valid " + type.getSimpleName());
    }
}
