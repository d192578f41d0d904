package io.atrium.partner.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.dynamodb.DynamoDbLocal;
import io.atrium.local.junit.ApiClients.TenantClient;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The functions' DynamoDB calls take the local runtime's in-process path (ADR 0107), and the same database stays
 * on DynamoDB Local's loopback port: a partner created over HTTP through the partner API is written in-process
 * and read back over the port by a client like the AWS CLI (the stream side: {@code InProcessPathTest}).
 */
@EndToEnd
class PartnerDataPathTest {
    @RegisterExtension
    static final LocalSystemExtension SYSTEM = AuthSystem.extension();

    @Test
    void aPartnerWrittenInProcessIsReadOverTheLoopbackPort(LocalSystem system) {
        AuthSystem auth = new AuthSystem(system.runtime());
        TenantClient tenant = auth.clients.onboard("Data Path Ltd", "standard");
        String token = auth.clients.token(tenant);
        DynamoDbLocal db = DynamoDbLocal.running(system.dynamoDbEndpoint()).orElseThrow();
        long before = db.inProcessCalls();

        HttpResponse<String> created = AuthSystem.send(AuthSystem.request(auth.partners(), token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Initech\",\"email\":\"ops@initech.example\",\"country\":\"DE\"}"))
                .build());
        assertEquals(201, created.statusCode(), created.body());
        String partnerId = AuthSystem.json(created).get("id").asText();
        assertTrue(db.inProcessCalls() > before, "functions reached DynamoDB Local in-process");
        assertTrue(system.runtime().stacks().stream().filter(s -> s.definition().name().equals("partner")).findFirst()
                .orElseThrow().functions().get("CreatePartnerFunction").dynamoDbInProcess(),
                "CreatePartner's SDK was given the in-process path");

        try (DynamoDbClient overThePort = DynamoDbLocal.newClient(URI.create(system.dynamoDbEndpoint().toString()))) {
            Map<String, AttributeValue> item = overThePort.getItem(r -> r.tableName(system.tableName("PartnerTable"))
                    .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(
                            "TENANT#" + tenant.tenantId() + "#PARTNER#" + partnerId)))).item();
            assertEquals("Initech", item.get("name").s());
        }
    }
}
