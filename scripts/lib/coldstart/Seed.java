import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.shared.api.ApiHandler;
import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.shared.api.ProxyResponseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Makes the data the measured requests need, through the real handlers (a partner, an active contract, a product
 * with stock), and writes one event file per measured function from the recorded test events, with the
 * placeholder {@value #KEY} where each run puts a fresh Idempotency-Key.
 */
public final class Seed {
    static final String TENANT = "ten_BenchColdStart00000000";
    static final String KEY = "IDEMPOTENCY_KEY";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path dir = Path.of(args[1]);
        String partnerId = created("io.atrium.partner.handler.CreatePartnerHandler", recorded(root, "partner", "create-partner.json"));
        ObjectNode contract = recorded(root, "contract", "create-contract.json");
        editBody(contract, b -> b.put("partnerId", partnerId));
        String contractId = created("io.atrium.contract.handler.CreateContractHandler", contract);
        ObjectNode activate = recorded(root, "contract", "activate-contract.json");
        pathId(activate, "contractId", contractId);
        answer("io.atrium.contract.handler.ActivateContractHandler", activate, 200);
        ObjectNode product = recorded(root, "catalog", "create-product.json");
        editBody(product, b -> b.put("stock", 1_000_000).put("sku", "BENCH-" + System.nanoTime()));
        ((ObjectNode) product.get("headers")).put("Idempotency-Key", "bench-" + System.nanoTime());
        String productId = created("io.atrium.catalog.handler.CreateProductHandler", product);

        ObjectNode get = recorded(root, "partner", "get-partner.json");
        pathId(get, "partnerId", partnerId);
        write(dir, "GetPartner", get);
        write(dir, "CreatePartner", withKey(recorded(root, "partner", "create-partner.json")));
        ObjectNode order = withKey(recorded(root, "order", "place-order.json"));
        editBody(order, b -> ((ObjectNode) b.get("items").get(0)).put("productId", productId));
        write(dir, "PlaceOrder", order);
        ObjectNode transaction = withKey(recorded(root, "transaction", "create-transaction.json"));
        editBody(transaction, b -> b.put("contractId", contractId));
        write(dir, "CreateTransaction", transaction);
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

    private static void pathId(ObjectNode event, String name, String id) {
        ((ObjectNode) event.get("pathParameters")).put(name, id);
        event.put("path", event.get("resource").textValue().replace("{" + name + "}", id));
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
