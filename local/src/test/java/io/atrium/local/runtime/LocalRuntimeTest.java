package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.LocalRuntime;
import io.atrium.local.junit.EndToEnd;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import io.atrium.local.lambda.LocalFunction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The runtime over real HTTP with the fixture stacks shared, authz and alpha (see src/test/resources/runtime). */
@EndToEnd
class LocalRuntimeTest {

    @RegisterExtension
    static final LocalSystemExtension SYSTEM = LocalSystemExtension.of("fixture-root",
            () -> new LocalRuntime.Options().root(FixtureRoot.get()).warmUp(false));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSystem system;

    LocalRuntimeTest(LocalSystem system) {
        this.system = system;
    }

    private URI url(String path) {
        return URI.create(system.baseUrl("alpha") + path);
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void stacksStartAfterWhatTheyImportAndImportsResolveToExports() {
        List<String> order = system.runtime().stacks().stream().map(s -> s.definition().name()).toList();
        assertTrue(order.indexOf("shared") < order.indexOf("authz") && order.indexOf("authz") < order.indexOf("alpha"),
                order.toString());
        Map<String, String> exports = system.exports();
        assertEquals(system.tableName("ItemTable"), exports.get("fx-shared-ItemTableName"));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:fx-authz-AuthorizerFunction",
                exports.get("fx-authz-AuthorizerArn"));
        assertTrue(exports.get("fx-shared-ItemTableStreamArn").startsWith("arn:aws:dynamodb:"),
                exports.get("fx-shared-ItemTableStreamArn"));
        assertEquals(Map.of("alpha", system.baseUrl("alpha")), system.baseUrls());
        assertTrue(system.baseUrl("alpha").toString().matches("http://127\\.0\\.0\\.1:\\d+/v1"));
    }

    @Test
    void tablesAreCreatedAsDeclared() {
        TableDescription table = system.dynamoDb().describeTable(r -> r.tableName(system.tableName("ItemTable"))).table();
        assertEquals("byTenant", table.globalSecondaryIndexes().get(0).indexName());
        assertTrue(table.streamSpecification().streamEnabled());
        assertEquals(TimeToLiveStatus.ENABLED, system.dynamoDb()
                .describeTimeToLive(r -> r.tableName(system.tableName("ItemTable"))).timeToLiveDescription()
                .timeToLiveStatus());
    }

    @Test
    void proxyEventCarriesWhatApiGatewaySends() throws Exception {
        HttpResponse<byte[]> r = get("/items/abc%20d?x=1&x=2&y=th%26ree", "X-Multi", "a", "X-Multi", "b",
                "X-Mixed-Case", "Value");
        assertEquals(200, r.statusCode(), text(r));
        JsonNode e = json(r);
        assertEquals("/items/{itemId}", e.get("resource").asText());
        assertEquals("/items/abc d", e.get("path").asText());
        assertEquals("GET", e.get("httpMethod").asText());
        assertEquals("abc d", e.at("/pathParameters/itemId").asText());
        assertEquals("2", e.at("/queryStringParameters/x").asText());
        assertEquals("th&ree", e.at("/queryStringParameters/y").asText());
        assertEquals(List.of("1", "2"), JSON.convertValue(e.at("/multiValueQueryStringParameters/x"), List.class));
        assertEquals("b", e.at("/headers/X-Multi").asText());
        assertEquals(List.of("a", "b"), JSON.convertValue(e.at("/multiValueHeaders/X-Multi"), List.class));
        assertEquals("Value", e.at("/headers/X-Mixed-Case").asText(), "header names keep the client's spelling");
        assertEquals("127.0.0.1", e.at("/headers/X-Forwarded-For").asText());
        assertEquals("blue", e.at("/stageVariables/color").asText());
        assertTrue(e.get("body").isNull());
        assertFalse(e.get("isBase64Encoded").asBoolean());
        assertEquals("v1", e.at("/requestContext/stage").asText());
        assertEquals("/items/{itemId}", e.at("/requestContext/resourcePath").asText());
        assertEquals("/v1/items/abc d", e.at("/requestContext/path").asText());
        assertEquals("GET", e.at("/requestContext/httpMethod").asText());
        assertEquals("127.0.0.1", e.at("/requestContext/sourceIp").asText());
        assertTrue(e.at("/requestContext/authorizer").isNull(), "no authorizer on this route");
        String requestId = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertEquals(requestId, e.at("/requestContext/requestId").asText());
        assertEquals(requestId, e.at("/context/awsRequestId").asText());
        assertEquals("fx-alpha-EchoFunction", e.at("/context/functionName").asText());
        assertEquals(256, e.at("/context/memoryLimitInMB").asInt());
        int remaining = e.at("/context/remainingTimeInMillis").asInt();
        assertTrue(remaining > 0 && remaining <= 5000, "remaining " + remaining);
        assertEquals("lambda:fx-alpha-EchoFunction", e.at("/context/loader").asText());
        // the response as API Gateway maps it
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("yes", r.headers().firstValue("X-Echo").orElseThrow());
        assertEquals(List.of("a=1", "b=2"), r.headers().allValues("Set-Cookie"));
    }

    @Test
    void functionEnvironmentComesFromTheTemplate() throws Exception {
        JsonNode env = json(get("/items/1")).get("env");
        assertEquals(system.tableName("ItemTable"), env.get("ITEM_TABLE").asText());
        assertTrue(env.get("PAGINATION_KEY").asText().matches("[A-Za-z0-9]{40}"), env.get("PAGINATION_KEY").asText());
        assertEquals("from-globals", env.get("CLASH").asText());
        assertEquals("us-east-1", env.get("AWS_REGION").asText());
        assertEquals("fx-alpha-EchoFunction", env.get("AWS_LAMBDA_FUNCTION_NAME").asText());
        assertEquals(system.dynamoDbEndpoint().toString(), env.get("AWS_ENDPOINT_URL_DYNAMODB").asText());
        assertEquals("local", env.get("AWS_ACCESS_KEY_ID").asText());
    }

    @Test
    void twoFunctionsWithClashingVariablesEachSeeTheirOwn() throws Exception {
        HttpResponse<byte[]> one = get("/clash/one");
        HttpResponse<byte[]> two = get("/clash/two");
        assertEquals(200, one.statusCode());
        // static init value | value at call time | invocation count: each function has its own class and statics
        assertTrue(text(one).startsWith("one|one|"), text(one));
        assertTrue(text(two).startsWith("two|two|"), text(two));
        assertEquals("from-globals", json(get("/items/1")).at("/env/CLASH").asText());
    }

    @Test
    void functionUsesTheSdkAgainstDynamoDbLocalThroughItsEnvironment() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(url("/items")).POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30)).build());
        assertEquals(201, r.statusCode(), text(r));
        assertTrue(text(r).startsWith(system.tableName("ItemTable") + ":"), text(r));
        assertTrue(system.dynamoDb().scan(s -> s.tableName(system.tableName("ItemTable"))).count() >= 1);
    }

    @Test
    void greedyPathAndTextBody() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(url("/echo/a/b/c")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("héllo")).build());
        JsonNode e = json(r);
        assertEquals("a/b/c", e.at("/pathParameters/proxy").asText());
        assertEquals("/echo/{proxy+}", e.get("resource").asText());
        assertEquals("POST", e.get("httpMethod").asText());
        assertEquals("héllo", e.get("body").asText());
        assertFalse(e.get("isBase64Encoded").asBoolean());
    }

    @Test
    void binaryBodiesTravelBase64BothWays() throws Exception {
        byte[] payload = {0, 1, 2, (byte) 0xff, (byte) 0xfe, (byte) 0x80};
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(url("/binary"))
                .header("Content-Type", "application/octet-stream").header("Accept", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build());
        assertEquals(200, r.statusCode(), text(r));
        assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0xfe, (byte) 0xff, 2, 1, 0}, r.body());
        assertEquals("application/octet-stream", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void unknownRoutesAnswerAsApiGatewayDoes() throws Exception {
        HttpResponse<byte[]> unknown = get("/nothing/here");
        assertEquals(403, unknown.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", text(unknown));
        HttpResponse<byte[]> wrongMethod = send(HttpRequest.newBuilder(url("/items/1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, wrongMethod.statusCode());
        assertEquals("{\"message\":\"Missing Authentication Token\"}", text(wrongMethod));
        URI otherStage = URI.create(system.baseUrl("alpha").toString().replace("/v1", "/v2") + "/items/1");
        assertEquals(403, send(HttpRequest.newBuilder(otherStage).build()).statusCode());
    }

    @Test
    void malformedProxyResponseIs502() throws Exception {
        HttpResponse<byte[]> r = get("/malformed");
        assertEquals(502, r.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", text(r));
    }

    @Test
    void functionErrorIs502WithoutItsMessage() throws Exception {
        HttpResponse<byte[]> r = get("/failing");
        assertEquals(502, r.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", text(r));
    }

    @Test
    void templateTimeoutIs504() throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = get("/slow");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, r.statusCode());
        assertEquals("{\"message\":\"Endpoint request timed out\"}", text(r));
        assertTrue(ms >= 1000 && ms < 10_000, "answered after " + ms + " ms for Timeout: 1");
    }

    @Test
    void corsPreflightAnswersFromTheApiCors() throws Exception {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(url("/items/1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET").build());
        assertEquals(200, r.statusCode());
        assertEquals("https://app.example.com", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("GET,OPTIONS", r.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals("Content-Type,Authorization", r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow());
        assertEquals("600", r.headers().firstValue("Access-Control-Max-Age").orElseThrow());
        HttpResponse<byte[]> secure = send(HttpRequest.newBuilder(url("/secure/1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, secure.statusCode(), "AddDefaultAuthorizerToCorsPreflight: false");
        assertEquals("DELETE,OPTIONS", secure.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        HttpResponse<byte[]> none = send(HttpRequest.newBuilder(url("/nothing"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, none.statusCode());
    }

    @Test
    void tokenAuthorizerGuardsTheDefaultRoutes() throws Exception {
        HttpResponse<byte[]> missing = get("/secure");
        assertEquals(401, missing.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", text(missing));

        HttpResponse<byte[]> allowed = get("/secure", "Authorization", "Bearer allow-t9");
        assertEquals(200, allowed.statusCode(), text(allowed));
        JsonNode authorizer = json(allowed).at("/requestContext/authorizer");
        assertEquals("t9", authorizer.get("tenantId").asText());
        assertEquals("user-1", authorizer.get("principalId").asText());
        assertEquals("true", authorizer.get("premium").asText(), "context values reach the function as strings");
        String calls = authorizer.get("calls").asText();
        JsonNode again = json(get("/secure", "Authorization", "Bearer allow-t9")).at("/requestContext/authorizer");
        assertEquals(calls, again.get("calls").asText(), "the second request is answered from the TTL cache");

        HttpResponse<byte[]> denied = get("/secure", "Authorization", "deny");
        assertEquals(403, denied.statusCode());
        assertEquals("{\"message\":\"User is not authorized to access this resource\"}", text(denied));

        HttpResponse<byte[]> wrongResource = get("/secure", "Authorization", "only-items");
        assertEquals(403, wrongResource.statusCode(), "the policy allows GET /items/* only");

        HttpResponse<byte[]> rejected = get("/secure", "Authorization", "garbage");
        assertEquals(401, rejected.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", text(rejected));

        assertEquals(200, get("/items/1").statusCode(), "Auth: Authorizer: NONE");
    }

    @Test
    void requestAuthorizerSeesHeaders() throws Exception {
        HttpResponse<byte[]> allowed = get("/request-auth", "X-Api-Token", "allow-r1");
        assertEquals(200, allowed.statusCode(), text(allowed));
        assertEquals("r1", json(allowed).at("/requestContext/authorizer/tenantId").asText());
        JsonNode first = json(get("/request-auth", "X-Api-Token", "allow-r1")).at("/requestContext/authorizer/calls");
        JsonNode second = json(get("/request-auth", "X-Api-Token", "allow-r1")).at("/requestContext/authorizer/calls");
        assertNotEquals(first.asText(), second.asText(), "ReauthorizeEvery: 0 calls the authorizer every time");
        assertEquals(401, get("/request-auth").statusCode());
    }

    @Test
    void rebuiltJarIsPickedUpWithoutRestart() throws Exception {
        Path root = system.runtime().root();
        FixtureRoot.versionJar(root, "v1");
        Thread.sleep(LocalFunction.CODE_CHECK_INTERVAL_MS + 100); // in case an earlier test loaded the function
        String first = text(get("/version"));
        assertTrue(first.startsWith("v1:"), first);
        assertEquals(first, text(get("/version")), "same instance: static init ran once");
        FixtureRoot.versionJar(root, "v2");
        Thread.sleep(LocalFunction.CODE_CHECK_INTERVAL_MS + 100); // invocations look for a rebuild at most this often
        String second = text(get("/version"));
        assertTrue(second.startsWith("v2:"), second);
    }

    @Test
    void endpointsJsonListsEveryStackAndDynamoDb() throws Exception {
        JsonNode endpoints = JSON.readTree(system.runtime().endpointsJson());
        assertEquals(system.baseUrl("alpha").toString(), endpoints.at("/stacks/alpha").asText());
        assertEquals(system.dynamoDbEndpoint().toString(), endpoints.get("dynamodbEndpoint").asText());
    }
}
