import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * GET /partners/{id} as a naive function is built: the SDK's defaults (the Apache client found on the class path,
 * the default credentials chain, the region from the environment), a bean schema built by reflection, a new
 * ObjectMapper, all at init; the same table and item as GetPartner.
 */
public final class NaiveGetPartner {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final DynamoDbTable<Partner> table;

    public NaiveGetPartner() {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB"))).build();
        table = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build()
                .table(System.getenv("PARTNER_TABLE"), TableSchema.fromBean(Partner.class));
    }

    public void handleRequest(InputStream in, OutputStream out) throws Exception {
        JsonNode event = MAPPER.readTree(in);
        String tenant = event.get("requestContext").get("authorizer").get("tenantId").textValue();
        String id = event.get("pathParameters").get("partnerId").textValue();
        Partner partner = table.getItem(Key.builder().partitionValue("TENANT#" + tenant + "#PARTNER#" + id).build());
        int status = partner == null ? 404 : 200;
        MAPPER.writeValue(out, Map.of("statusCode", status, "body", MAPPER.writeValueAsString(partner == null ? Map.of() : partner)));
    }

    /** The item as a mutable bean. */
    @DynamoDbBean
    public static final class Partner {
        private String pk;
        private String partnerId;
        private String name;
        private String email;
        private String country;
        private String status;

        @DynamoDbPartitionKey
        public String getPk() { return pk; }
        public void setPk(String pk) { this.pk = pk; }
        public String getPartnerId() { return partnerId; }
        public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
    }
}
