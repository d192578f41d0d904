import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.atrium.local.auth.LocalIssuer;
import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.dynamodb.TableProvisioner;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * scripts/bench-coldstart's database: DynamoDB Local (the local runtime's) with the tables of shared/template.yaml, and
 * the authorizer's issuer (a signing key, its JWKS over HTTP, a token). Writes the functions' settings to {dir}/env
 * (NAME=value lines) and serves until its standard input closes.
 */
public final class Serve {
    static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_BenchColdStart";
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        int port = Integer.parseInt(args[2]);
        try (DynamoDbLocal db = DynamoDbLocal.start(null, port)) {
            Map<String, String> tables = TableProvisioner.createTables(db.client(), root.resolve("shared/template.yaml"), "bench");
            warmUp(db, tables);
            HttpServer jwks = serveJwks(dir);
            StringBuilder env = new StringBuilder("AWS_ENDPOINT_URL_DYNAMODB=" + db.endpoint() + "\n");
            env.append("ISSUER=").append(ISSUER).append('\n')
                    .append("JWKS_URL=http://127.0.0.1:").append(jwks.getAddress().getPort()).append("/.well-known/jwks.json\n");
            // PartnerTable -> PARTNER_TABLE, as the templates name the settings
            tables.forEach((logicalId, name) -> env.append(logicalId.replace("Table", "").toUpperCase(Locale.ROOT))
                    .append("_TABLE=").append(name).append('\n'));
            Path tmp = dir.resolve("env.tmp");
            Files.writeString(tmp, env);
            Files.move(tmp, dir.resolve("env"));
            while (System.in.read() >= 0) {
                // serve until the script closes our standard input
            }
            jwks.stop(0);
        }
    }

    /**
     * The authorizer's issuer (ADR 0201, 0204): the local runtime's stand-in for Cognito's signing key, its JWKS
     * served over HTTP on a loopback port the system picks, and one access token of the bench tenant's client
     * (valid for a day) written to {dir}/token.txt, as Cognito would issue it.
     */
    private static HttpServer serveJwks(Path dir) throws Exception {
        LocalIssuer issuer = LocalIssuer.create(null);
        byte[] keys = issuer.jwksJson().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keys);
            }
        });
        server.start();
        Instant now = Instant.now();
        Files.writeString(dir.resolve("token.txt"), issuer.sign(new JWTClaimsSet.Builder().issuer(ISSUER)
                .claim("token_use", "access").claim("client_id", Seed.CLIENT_ID).claim("tenant_id", Seed.TENANT)
                .claim("scope", "partners/read").issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                .build()));
        return server;
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
