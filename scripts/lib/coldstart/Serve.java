import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * scripts/bench-coldstart's database: DynamoDB Local (the local runtime's) with the tables of shared/template.yaml.
 * Writes the functions' settings to {dir}/env (NAME=value lines) and serves until its standard input closes.
 */
public final class Serve {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        try (DynamoDbLocal db = DynamoDbLocal.start(null, port)) {
            Map<String, String> tables = TableProvisioner.createTables(db.client(), root.resolve("shared/template.yaml"), "bench");
            warmUp(db, tables);
            StringBuilder env = new StringBuilder("AWS_ENDPOINT_URL_DYNAMODB=" + db.endpoint() + "\n");
            // PartnerTable -> PARTNER_TABLE, as the templates name the settings
            tables.forEach((logicalId, name) -> env.append(logicalId.replace("Table", "").toUpperCase(Locale.ROOT))
                    .append("_TABLE=").append(name).append('\n'));
            Path tmp = dir.resolve("env.tmp");
            Files.writeString(tmp, env);
            Files.move(tmp, dir.resolve("env"));
            while (System.in.read() >= 0) {
                // serve until the script closes our standard input
            }
        }
    }

    /**
     * DynamoDB Local's own first requests take seconds (its JIT, its SQLite statements per table): longer than the
     * functions' attempt timeout, whose retry of a create would then conflict, and a cost DynamoDB does not have. So
     * every table answers each kind of call a few dozen times first, on keys no measured request uses, which are
     * deleted again: the tables are empty when the seed starts.
     */
    private static void warmUp(DynamoDbLocal db, Map<String, String> tables) {
        for (String table : tables.values()) {
            for (int i = 0; i < 40; i++) {
                Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("WARMUP#" + i));
                db.client().transactWriteItems(t -> t.transactItems(w -> w.put(p -> p.tableName(table).item(key))));
                db.client().updateItem(u -> u.tableName(table).key(key).updateExpression("SET n = :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
                db.client().getItem(g -> g.tableName(table).key(key).consistentRead(true));
                db.client().transactWriteItems(t -> t.transactItems(w -> w.delete(d -> d.tableName(table).key(key))));
            }
        }
    }
}
