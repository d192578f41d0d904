package io.atrium.local.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.atrium.local.template.Template;
import io.atrium.local.template.TemplateException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ScopeDoesNotExistException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

/** The local Cognito as the AWS SDK and an OAuth2 client see it (no trigger configured here). */
class CognitoEmulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static CognitoEmulator cognito;
    static CognitoIdentityProviderClient sdk;
    static String poolId;

    @BeforeAll
    static void start() {
        cognito = CognitoEmulator.start(0, "us-east-1", "123456789012", null);
        Template t = Template.parse("""
                Resources:
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      UserPoolName: test
                  Orders:
                    Type: AWS::Cognito::UserPoolResourceServer
                    Properties:
                      UserPoolId: x
                      Identifier: orders
                      Scopes:
                        - ScopeName: read
                        - ScopeName: write
                """, "test.yaml");
        cognito.provision("stack", "Pool", "AWS::Cognito::UserPool", Template.properties(t.resource("Pool").orElseThrow()));
        poolId = (String) cognito.ref("stack", "Pool", "AWS::Cognito::UserPool", null);
        Template servers = Template.parse("Resources:\n  Orders:\n    Type: AWS::Cognito::UserPoolResourceServer\n"
                + "    Properties:\n      UserPoolId: " + poolId + "\n      Identifier: orders\n      Scopes:\n"
                + "        - ScopeName: read\n        - ScopeName: write\n", "servers.yaml");
        cognito.provision("stack", "Orders", "AWS::Cognito::UserPoolResourceServer",
                Template.properties(servers.resource("Orders").orElseThrow()));
        sdk = CognitoIdentityProviderClient.builder()
                .endpointOverride(cognito.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        sdk.close();
        cognito.close();
    }

    private static UserPoolClientType newClient(List<String> scopes) {
        return sdk.createUserPoolClient(r -> r.userPoolId(poolId).clientName("tenant").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS)
                .allowedOAuthScopes(scopes)).userPoolClient();
    }

    private static HttpResponse<String> token(String basicUser, String basicPassword, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(cognito.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicUser != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((basicUser + ":" + basicPassword)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSdkCreatesDescribesAndDeletesAppClients() {
        UserPoolClientType created = newClient(List.of("orders/read"));
        assertEquals(26, created.clientId().length());
        assertTrue(created.clientSecret().length() >= 40);

        UserPoolClientType described = sdk.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()))
                .userPoolClient();
        assertEquals(List.of("orders/read"), described.allowedOAuthScopes());
        assertEquals(List.of(OAuthFlowType.CLIENT_CREDENTIALS), described.allowedOAuthFlows());

        sdk.deleteUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId()));
        assertThrows(ResourceNotFoundException.class,
                () -> sdk.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(created.clientId())));
    }

    @Test
    void cognitosRefusalsReachTheSdkTyped() {
        assertThrows(ScopeDoesNotExistException.class, () -> newClient(List.of("partners/read")));
        assertThrows(ResourceNotFoundException.class, () -> sdk.createUserPoolClient(r -> r.userPoolId("us-east-1_nope")
                .clientName("x")));
    }

    @Test
    void clientCredentialsGiveACognitoShapedAccessTokenTheJwksVerifies() throws Exception {
        UserPoolClientType c = newClient(List.of("orders/read", "orders/write"));

        HttpResponse<String> basic = token(c.clientId(), c.clientSecret(), "grant_type=client_credentials&scope=orders%2Fread");
        HttpResponse<String> form = token(null, null, "grant_type=client_credentials&client_id=" + c.clientId()
                + "&client_secret=" + c.clientSecret());

        assertEquals(200, basic.statusCode(), basic.body());
        assertEquals(200, form.statusCode(), form.body());
        JsonNode body = JSON.readTree(basic.body());
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3600, body.get("expires_in").asInt());
        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
        String jwks = HTTP.send(HttpRequest.newBuilder(cognito.jwksUrl()).build(), HttpResponse.BodyHandlers.ofString()).body();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
        assertEquals("access", claims.get("token_use"));
        assertEquals(c.clientId(), claims.get("client_id"));
        assertEquals(c.clientId(), claims.get("sub"));
        assertEquals("orders/read", claims.get("scope"));
        assertEquals(cognito.issuerUrl(poolId), claims.get("iss"));
        assertEquals("orders/read orders/write", JSON.readTree(form.body()).has("access_token")
                ? SignedJWT.parse(JSON.readTree(form.body()).get("access_token").asText()).getJWTClaimsSet().getClaim("scope") : null);
    }

    @Test
    void badTokenRequestsGetOAuthErrors() throws Exception {
        UserPoolClientType c = newClient(List.of("orders/read"));

        assertEquals(401, token(c.clientId(), "wrong", "grant_type=client_credentials").statusCode());
        assertEquals(401, token("nobody", "x", "grant_type=client_credentials").statusCode());
        HttpResponse<String> scope = token(c.clientId(), c.clientSecret(), "grant_type=client_credentials&scope=orders%2Fwrite");
        assertEquals(400, scope.statusCode());
        assertEquals("invalid_scope", JSON.readTree(scope.body()).get("error").asText());
        HttpResponse<String> grant = token(c.clientId(), c.clientSecret(), "grant_type=password");
        assertEquals("unsupported_grant_type", JSON.readTree(grant.body()).get("error").asText());
    }

    @Test
    void cognitoIssuerUrlsInAFunctionsEnvironmentBecomeLocal() {
        assertEquals(cognito.issuerUrl(poolId) + "/.well-known/jwks.json",
                cognito.localize("https://cognito-idp.us-east-1.amazonaws.com/" + poolId + "/.well-known/jwks.json"));
        assertEquals("https://example.com/x", cognito.localize("https://example.com/x"));
    }

    @Test
    void m2mTokenCustomisationOnTheLitePlanFailsNamingTheLine() {
        Template lite = Template.parse("""
                Resources:
                  Pool:
                    Type: AWS::Cognito::UserPool
                    Properties:
                      UserPoolTier: LITE
                      LambdaConfig:
                        PreTokenGenerationConfig:
                          LambdaArn: arn:aws:lambda:us-east-1:123456789012:function:f
                          LambdaVersion: V3_0
                """, "lite.yaml");
        TemplateException e = assertThrows(TemplateException.class, () -> cognito.provision("lite", "Pool",
                "AWS::Cognito::UserPool", Template.properties(lite.resource("Pool").orElseThrow())));
        assertTrue(e.getMessage().contains("lite.yaml"), e.getMessage());
    }
}
