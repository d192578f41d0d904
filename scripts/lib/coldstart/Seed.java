import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.shared.Platform;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.repository.dynamodb.DynamoDbTenantRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Makes the data the measured requests need, through the real handlers (a partner, an active contract, a product
 * with stock, an order, a transaction), and writes one event file per measured function from the recorded test
 * events (reads of that data, writes that make new items), with the
 * placeholder {@value #KEY} where each run puts a fresh Idempotency-Key; for the authorizer, the bench tenant with
 * its client (through the tenant repository: onboarding's handler would need Cognito) and a TOKEN event carrying
 * the token Serve signed.
 */
public final class Seed {
    static final String TENANT = "ten_BenchColdStart00000000";
    /** The bench tenant's app client, which the authorizer's token (made by Serve) names. */
    static final String CLIENT_ID = "benchcoldstartclient0000";
    static final String KEY = "IDEMPOTENCY_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the measured reads read. */
    private record Made(String partnerId, String contractId, String productId, String orderId, String transactionId) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        Made made = made(root);
        writeWrites(root, dir, made);
        writeReads(root, dir, made);
        writeAuthorizer(dir);
        int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "0"));
        for (int round = 1; round <= rounds; round++) {
            writeChanges(root, dir, made, round);
        }
    }

    /**
     * The changes (an update, a delete, a state change) of round {@code round}: each needs an item of its own in the
     * state it expects (If-Match of its first version), so every round gets new ones, made here.
     */
    private static void writeChanges(Path root, Path dir, Made made, int round) throws Exception {
        String partnerId = newPartner(root);
        write(dir, "UpdatePartner-" + round, withPathId(recorded(root, "partner", "update-partner.json"), "partnerId", partnerId));
        String goneId = newPartner(root);
        write(dir, "DeletePartner-" + round, withPathId(recorded(root, "partner", "delete-partner.json"), "partnerId", goneId));
        String sku = "BENCH-U-" + round + "-" + System.nanoTime();
        ObjectNode product = withFreshKey(withKey(recorded(root, "catalog", "create-product.json")));
        editBody(product, b -> b.put("sku", sku));
        ObjectNode update = withPathId(recorded(root, "catalog", "update-product.json"), "productId",
                created("io.atrium.catalog.handler.CreateProductHandler", product));
        editBody(update, b -> b.put("sku", sku));
        write(dir, "UpdateProduct-" + round, update);
        String draft = contract(root, made.partnerId());
        write(dir, "ActivateContract-" + round, withPathId(recorded(root, "contract", "activate-contract.json"), "contractId", draft));
        String active = contract(root, made.partnerId());
        answer("io.atrium.contract.handler.ActivateContractHandler",
                withPathId(recorded(root, "contract", "activate-contract.json"), "contractId", active), 200);
        write(dir, "TerminateContract-" + round,
                withPathId(recorded(root, "contract", "terminate-contract.json"), "contractId", active));
        String orderId = created("io.atrium.order.handler.PlaceOrderHandler", withFreshKey(order(root, made.productId())));
        write(dir, "CancelOrder-" + round, withPathId(recorded(root, "order", "cancel-order.json"), "orderId", orderId));
    }

    /** A new partner of the bench tenant; its id. */
    private static String newPartner(Path root) throws Exception {
        return created("io.atrium.partner.handler.CreatePartnerHandler", recorded(root, "partner", "create-partner.json"));
    }

    /** A new DRAFT contract with the partner. */
    private static String contract(Path root, String partnerId) throws Exception {
        ObjectNode contract = withFreshKey(withKey(recorded(root, "contract", "create-contract.json")));
        editBody(contract, b -> b.put("partnerId", partnerId));
        return created("io.atrium.contract.handler.CreateContractHandler", contract);
    }

    /** The authorizer's caller: the tenant and its client (as onboarding stores them, without Cognito), a TOKEN event. */
    private static void writeAuthorizer(Path dir) throws Exception {
        Instant now = Instant.now();
        new DynamoDbTenantRepository(Platform.dynamoDb(), Platform.enhanced(), Platform.table("TENANT_TABLE")).create(
                new Tenant(TENANT, "Bench", Tier.BASIC, TenantStatus.ACTIVE, 1, now, now),
                new Client(TENANT, CLIENT_ID, "bench", List.of("partners/read"), now));
        ObjectNode authorize = JSON.createObjectNode().put("type", "TOKEN")
                .put("authorizationToken", "Bearer " + Files.readString(dir.resolve("token.txt")))
                .put("methodArn", "arn:aws:execute-api:us-east-1:123456789012:benchapi01/v1/GET/partners/par_1");
        write(dir, "Authorizer", authorize);
    }

    private static Made made(Path root) throws Exception {
        String partnerId = newPartner(root);
        ObjectNode contract = recorded(root, "contract", "create-contract.json");
        editBody(contract, b -> b.put("partnerId", partnerId));
        String contractId = created("io.atrium.contract.handler.CreateContractHandler", contract);
        ObjectNode activate = recorded(root, "contract", "activate-contract.json");
        withPathId(activate, "contractId", contractId);
        answer("io.atrium.contract.handler.ActivateContractHandler", activate, 200);
        ObjectNode product = recorded(root, "catalog", "create-product.json");
        editBody(product, b -> b.put("stock", 1_000_000).put("sku", "BENCH-" + System.nanoTime()));
        ((ObjectNode) product.get("headers")).put("Idempotency-Key", "bench-" + System.nanoTime());
        String productId = created("io.atrium.catalog.handler.CreateProductHandler", product);

        String orderId = created("io.atrium.order.handler.PlaceOrderHandler", withFreshKey(order(root, productId)));
        String transactionId = created("io.atrium.transaction.handler.CreateTransactionHandler",
                withFreshKey(transaction(root, contractId)));
        return new Made(partnerId, contractId, productId, orderId, transactionId);
    }

    /** The writes, each making a new item with the Idempotency-Key (and the product's sku) each run puts in. */
    private static void writeWrites(Path root, Path dir, Made made) throws Exception {
        write(dir, "CreatePartner", withKey(recorded(root, "partner", "create-partner.json")));
        ObjectNode product = withKey(recorded(root, "catalog", "create-product.json"));
        editBody(product, b -> b.put("sku", "B-" + KEY));
        write(dir, "CreateProduct", product);
        write(dir, "PlaceOrder", order(root, made.productId()));
        // with a partner of their own: the contracts they make must not grow the list GET /contracts reads
        String partnerId = newPartner(root);
        ObjectNode contract = withKey(recorded(root, "contract", "create-contract.json"));
        editBody(contract, b -> b.put("partnerId", partnerId));
        write(dir, "CreateContract", contract);
        write(dir, "CreateTransaction", transaction(root, made.contractId()));
    }

    /** The reads, of the items made above. */
    private static void writeReads(Path root, Path dir, Made made) throws Exception {
        write(dir, "GetPartner", withPathId(recorded(root, "partner", "get-partner.json"), "partnerId", made.partnerId()));
        write(dir, "ListPartners", recorded(root, "partner", "list-partners.json"));
        write(dir, "GetProduct", withPathId(recorded(root, "catalog", "get-product.json"), "productId", made.productId()));
        write(dir, "ListProducts", recorded(root, "catalog", "list-products.json"));
        write(dir, "GetOrder", withPathId(recorded(root, "order", "get-order.json"), "orderId", made.orderId()));
        write(dir, "ListOrders", recorded(root, "order", "list-orders.json"));
        write(dir, "GetContract", withPathId(recorded(root, "contract", "get-contract.json"), "contractId", made.contractId()));
        write(dir, "ListContracts",
                withQuery(recorded(root, "contract", "list-contracts.json"), "partnerId", made.partnerId()));
        write(dir, "GetTransaction", withPathId(recorded(root, "transaction", "get-transaction.json"), "transactionId",
                made.transactionId()));
        write(dir, "ListTransactions",
                withQuery(recorded(root, "transaction", "list-transactions.json"), "contractId", made.contractId()));
        write(dir, "GetStatement", withPathId(recorded(root, "transaction", "get-statement.json"), "month",
                YearMonth.now(ZoneOffset.UTC).toString()));
    }

    private static ObjectNode order(Path root, String productId) throws Exception {
        ObjectNode order = withKey(recorded(root, "order", "place-order.json"));
        editBody(order, b -> ((ObjectNode) b.get("items").get(0)).put("productId", productId));
        return order;
    }

    private static ObjectNode transaction(Path root, String contractId) throws Exception {
        ObjectNode transaction = withKey(recorded(root, "transaction", "create-transaction.json"));
        editBody(transaction, b -> b.put("contractId", contractId));
        return transaction;
    }

    /** A recorded event of a module's tests, made by the bench tenant. */
    private static ObjectNode recorded(Path root, String module, String name) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(root.resolve(module + "/src/test/resources/events/" + name).toFile());
        ((ObjectNode) event.get("requestContext").get("authorizer")).put("tenantId", TENANT);
        return event;
    }

    private static void editBody(ObjectNode event, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(event.get("body").textValue());
        edit.accept(body);
        event.put("body", JSON.writeValueAsString(body));
    }

    private static ObjectNode withKey(ObjectNode event) {
        ((ObjectNode) event.get("headers")).put("Idempotency-Key", KEY);
        return event;
    }

    /** The event with a fresh Idempotency-Key in place of the placeholder (a request made once, here). */
    private static ObjectNode withFreshKey(ObjectNode event) throws Exception {
        return (ObjectNode) JSON.readTree(JSON.writeValueAsString(event).replace(KEY, UUID.randomUUID().toString()));
    }

    private static ObjectNode withPathId(ObjectNode event, String name, String id) {
        ((ObjectNode) event.get("pathParameters")).put(name, id);
        event.put("path", event.get("resource").textValue().replace("{" + name + "}", id));
        return event;
    }

    private static ObjectNode withQuery(ObjectNode event, String name, String value) {
        ((ObjectNode) event.get("queryStringParameters")).put(name, value);
        return event;
    }

    private static String created(String handler, ObjectNode event) throws Exception {
        return JSON.readTree(answer(handler, event, 201).getBody()).get("id").textValue();
    }

    private static ProxyResponseEvent answer(String handler, ObjectNode event, int status) throws Exception {
        ApiHandler h = (ApiHandler) Class.forName(handler).getDeclaredConstructor().newInstance();
        ProxyResponseEvent response = h.respond(JSON.treeToValue(event, ProxyRequestEvent.class), null);
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(handler + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    private static void write(Path dir, String function, ObjectNode event) throws Exception {
        Files.writeString(dir.resolve("event-" + function + ".json"), JSON.writeValueAsString(event));
    }
}
