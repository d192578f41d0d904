package io.atrium.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.http.HttpServer;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.template.ListNode;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The account's Cognito user pools, standing in for Cognito on this machine: the pools, resource servers,
 * app clients and domains the templates declare, the small part of the Cognito IdP JSON API the functions
 * call ({@code CreateUserPoolClient}, {@code DescribeUserPoolClient}, {@code DeleteUserPoolClient},
 * {@code ListUserPoolClients}, reached through {@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER}), the
 * OAuth2 token endpoint ({@link TokenEndpoint}) and the JWKS. One HTTP server on loopback serves all of it.
 * <p>
 * The issuer of a pool is {@code http://127.0.0.1:PORT/{poolId}} instead of
 * {@code https://cognito-idp.{region}.amazonaws.com/{poolId}}; {@link #localize} rewrites the latter in a
 * function's environment, so the authorizer runs unchanged. With a state folder, pools' clients and the
 * signing key survive a restart (tenants onboarded earlier keep their clients).
 */
public final class CognitoEmulator implements AutoCloseable {

    public static final Set<String> RESOURCE_TYPES = Set.of("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient",
            "AWS::Cognito::UserPoolResourceServer", "AWS::Cognito::UserPoolDomain");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** One user pool. */
    static final class Pool {
        String id;
        String name;
        String triggerArn;
        String triggerVersion;
        String tier;
        String domain;
        final Map<String, Set<String>> resourceServers = new LinkedHashMap<>();
    }

    /** One app client. */
    static final class AppClient {
        String poolId;
        String clientId;
        String name;
        String secret;
        List<String> flows = List.of();
        List<String> scopes = List.of();
        boolean oauthEnabled;
        long accessTokenSeconds = 3600;
        String accessTokenValidityUnit = "hours";
        long accessTokenValidity = 1;
        boolean fromTemplate;
        double created;
        double modified;

        Set<String> allowedScopes() {
            return new LinkedHashSet<>(scopes);
        }
    }

    private final LocalIssuer issuer;
    private final String region;
    private final String account;
    private final Path stateDir;
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final Map<String, AppClient> clients = new LinkedHashMap<>();
    private final TokenEndpoint tokens;
    private final IdentityProviderApi api;
    private volatile Function<String, LocalFunction> functions = arn -> null;
    private HttpServer server;

    private CognitoEmulator(LocalIssuer issuer, String region, String account, Path stateDir) {
        this.issuer = issuer;
        this.region = region;
        this.account = account;
        this.stateDir = stateDir;
        this.tokens = new TokenEndpoint(this);
        this.api = new IdentityProviderApi(this);
    }

    /**
     * Starts the emulator's HTTP server on loopback.
     *
     * @param port     the port, or 0 for a free one
     * @param stateDir where clients and the signing key are kept across runs, or null (in memory)
     */
    public static CognitoEmulator start(int port, String region, String account, Path stateDir) {
        CognitoEmulator emulator = new CognitoEmulator(LocalIssuer.create(stateDir), region, account, stateDir);
        emulator.load();
        try {
            emulator.server = HttpServer.start(InetAddress.getLoopbackAddress(), port, emulator::handle, "cognito");
        } catch (IOException e) {
            throw new UncheckedIOException("the local Cognito could not listen: " + e.getMessage(), e);
        }
        return emulator;
    }

    /** How the emulator finds a trigger's function by ARN (the runtime's registry). */
    public void functions(Function<String, LocalFunction> lookup) {
        this.functions = lookup;
    }

    LocalFunction function(String arn) {
        return functions.apply(arn);
    }

    public LocalIssuer issuer() {
        return issuer;
    }

    public String region() {
        return region;
    }

    /** {@code http://127.0.0.1:PORT}: where functions reach the Cognito IdP API. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public URI tokenUrl() {
        return URI.create(endpoint() + "/oauth2/token");
    }

    public URI jwksUrl() {
        return URI.create(endpoint() + "/.well-known/jwks.json");
    }

    /** The {@code iss} of the pool's tokens locally. */
    public String issuerUrl(String poolId) {
        return endpoint() + "/" + poolId;
    }

    /** The issuer URL Cognito would use for the pool, which a template builds with {@code !Sub}. */
    String awsIssuerUrl(String poolId) {
        return "https://cognito-idp." + region + ".amazonaws.com/" + poolId;
    }

    /**
     * A function's environment value with every Cognito URL of a local pool made local: the issuer (and what lies
     * under it, the JWKS) and the domain's token endpoint ({@code https://{domain}.auth.{region}.amazoncognito.com}).
     */
    public synchronized String localize(String value) {
        if (value == null || !value.startsWith("https://")) {
            return value;
        }
        for (Pool pool : pools.values()) {
            String aws = awsIssuerUrl(pool.id);
            if (value.equals(aws) || value.startsWith(aws + "/")) {
                return issuerUrl(pool.id) + value.substring(aws.length());
            }
            if (pool.domain != null && value.equals("https://" + pool.domain + ".auth." + region
                    + ".amazoncognito.com/oauth2/token")) {
                return tokenUrl().toString();
            }
        }
        return value;
    }

    /**
     * The platform administrator's client for {@code .local/endpoints.json}: the template-declared client
     * allowed an {@code .../admin} scope, else the first template client allowed client_credentials.
     */
    public synchronized Optional<Map<String, String>> adminClient() {
        AppClient pick = null;
        for (AppClient c : clients.values()) {
            if (c.fromTemplate && c.flows.contains("client_credentials") && c.secret != null) {
                if (c.scopes.stream().anyMatch(s -> s.endsWith("/admin"))) {
                    pick = c;
                    break;
                }
                if (pick == null) {
                    pick = c;
                }
            }
        }
        if (pick == null) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("clientId", pick.clientId);
        out.put("clientSecret", pick.secret);
        out.put("scope", String.join(" ", pick.scopes));
        return Optional.of(out);
    }

    /** The clients that may get client-credentials tokens (template-declared and onboarded), for the console. */
    public synchronized List<Map<String, String>> clientCredentialsClients() {
        return clients.values().stream()
                .filter(c -> c.flows.contains("client_credentials") && c.secret != null)
                .map(c -> Map.of("clientId", c.clientId, "name", c.name == null ? "" : c.name, "scope", String.join(" ", c.scopes)))
                .toList();
    }

    /** A client's secret, to get it a token (the console's token helper), or empty. */
    public synchronized Optional<String> clientSecret(String clientId) {
        AppClient c = clientId == null ? null : clients.get(clientId);
        return c == null ? Optional.empty() : Optional.ofNullable(c.secret);
    }

    /** What {@code .local/endpoints.json} gets: tokenUrl, jwksUrl, issuer and the admin client. */
    public synchronized Map<String, Object> endpoints() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tokenUrl", tokenUrl().toString());
        out.put("jwksUrl", jwksUrl().toString());
        if (!pools.isEmpty()) {
            out.put("issuer", issuerUrl(pools.keySet().iterator().next()));
        }
        out.put("cognitoEndpoint", endpoint().toString());
        adminClient().ifPresent(c -> out.put("adminClient", c));
        return out;
    }

    // ---------------------------------------------------------------- template resources

    /** What {@code Ref} gives for a Cognito resource of a stack, or null when it is not emulated. */
    public synchronized Object ref(String stackName, String logicalId, String type, MapNode resource) {
        return switch (type) {
            case "AWS::Cognito::UserPool" -> poolId(stackName, logicalId);
            case "AWS::Cognito::UserPoolClient" -> clientId(stackName, logicalId);
            case "AWS::Cognito::UserPoolResourceServer" -> {
                Node identifier = resource.mapOrEmpty("Properties").get("Identifier");
                yield identifier == null ? null : identifier.asText();
            }
            case "AWS::Cognito::UserPoolDomain" -> {
                String poolDomain = null;
                for (Pool p : pools.values()) {
                    if (p.domain != null && (stackName + "/" + logicalId).equals(domainOrigin.get(p.id))) {
                        poolDomain = p.domain;
                    }
                }
                yield poolDomain;
            }
            default -> null;
        };
    }

    private final Map<String, String> domainOrigin = new LinkedHashMap<>();

    /** What {@code Fn::GetAtt} gives for a Cognito resource, or null when it is not emulated. */
    public synchronized Object getAtt(String stackName, String logicalId, String type, String attribute) {
        if (type.equals("AWS::Cognito::UserPool")) {
            String id = poolId(stackName, logicalId);
            return switch (attribute) {
                case "Arn" -> "arn:aws:cognito-idp:" + region + ":" + account + ":userpool/" + id;
                case "ProviderName" -> "cognito-idp." + region + ".amazonaws.com/" + id;
                case "ProviderURL" -> awsIssuerUrl(id);
                case "UserPoolId" -> id;
                default -> null;
            };
        }
        if (type.equals("AWS::Cognito::UserPoolClient")) {
            AppClient c = clients.get(clientId(stackName, logicalId));
            return switch (attribute) {
                case "ClientId" -> clientId(stackName, logicalId);
                case "ClientSecret" -> c == null ? null : c.secret;
                case "Name" -> c == null ? null : c.name;
                default -> null;
            };
        }
        return null;
    }

    /**
     * Creates a resource a template declares, from its resolved properties. Anything Cognito would refuse
     * (an unknown pool or scope, M2M token customisation on the Lite plan) fails naming the line.
     */
    public synchronized void provision(String stackName, String logicalId, String type, MapNode props) {
        switch (type) {
            case "AWS::Cognito::UserPool" -> provisionPool(stackName, logicalId, props);
            case "AWS::Cognito::UserPoolResourceServer" -> {
                Pool pool = pool(props.require("UserPoolId"));
                Set<String> scopes = new LinkedHashSet<>();
                Node list = props.get("Scopes");
                if (list != null) {
                    for (Node s : list.asList()) {
                        scopes.add(s.asMap().require("ScopeName").asText());
                    }
                }
                pool.resourceServers.put(props.require("Identifier").asText(), scopes);
            }
            case "AWS::Cognito::UserPoolClient" -> provisionClient(stackName, logicalId, props);
            case "AWS::Cognito::UserPoolDomain" -> {
                Pool pool = pool(props.require("UserPoolId"));
                pool.domain = props.require("Domain").asText();
                domainOrigin.put(pool.id, stackName + "/" + logicalId);
            }
            default -> throw props.error("resource type " + type + " is not emulated by the local Cognito");
        }
        save();
    }

    private void provisionPool(String stackName, String logicalId, MapNode props) {
        Pool pool = pools.computeIfAbsent(poolId(stackName, logicalId), id -> new Pool());
        pool.id = poolId(stackName, logicalId);
        pool.name = props.text("UserPoolName", stackName + "-" + logicalId);
        pool.tier = props.text("UserPoolTier", "ESSENTIALS");
        pool.triggerArn = null;
        pool.triggerVersion = null;
        MapNode lambda = props.mapOrEmpty("LambdaConfig");
        Node config = lambda.get("PreTokenGenerationConfig");
        if (config != null) {
            pool.triggerArn = config.asMap().require("LambdaArn").asText();
            pool.triggerVersion = config.asMap().text("LambdaVersion", "V1_0");
            if (!pool.triggerVersion.equals("V1_0") && pool.tier.equals("LITE")) {
                throw config.error("pre-token-generation " + pool.triggerVersion
                        + " (access token customisation) needs UserPoolTier ESSENTIALS or PLUS; Cognito refuses it on LITE");
            }
        } else if (lambda.has("PreTokenGeneration")) {
            pool.triggerArn = lambda.get("PreTokenGeneration").asText();
            pool.triggerVersion = "V1_0";
        }
    }

    private void provisionClient(String stackName, String logicalId, MapNode props) {
        Pool pool = pool(props.require("UserPoolId"));
        String id = clientId(stackName, logicalId);
        AppClient existing = clients.get(id);
        AppClient c = configure(new AppClient(), pool, props.text("ClientName", logicalId),
                props.has("GenerateSecret") && props.get("GenerateSecret").asBoolean(),
                texts(props.get("AllowedOAuthFlows")), texts(props.get("AllowedOAuthScopes")),
                props.has("AllowedOAuthFlowsUserPoolClient") && props.get("AllowedOAuthFlowsUserPoolClient").asBoolean(),
                props.has("AccessTokenValidity") ? props.get("AccessTokenValidity").asInt() : null,
                props.mapOrEmpty("TokenValidityUnits").text("AccessToken", null), props);
        c.clientId = id;
        c.fromTemplate = true;
        if (c.secret != null && existing != null && existing.secret != null) {
            c.secret = existing.secret; // kept across restarts with a state folder
        }
        clients.put(id, c);
    }

    private Pool pool(Node poolIdNode) {
        Pool pool = pools.get(poolIdNode.asText());
        if (pool == null) {
            throw poolIdNode.error("no user pool " + poolIdNode.asText() + " (declare the pool before its clients)");
        }
        return pool;
    }

    /** Applies a client's settings as Cognito checks them; {@code at} names where a refusal points. */
    AppClient configure(AppClient c, Pool pool, String name, boolean generateSecret, List<String> flows,
                        List<String> scopes, boolean oauth, Integer validity, String unit, Node at) {
        for (String scope : scopes) {
            int slash = scope.lastIndexOf('/');
            Set<String> server = slash < 0 ? null : pool.resourceServers.get(scope.substring(0, slash));
            boolean builtIn = List.of("openid", "email", "phone", "profile", "aws.cognito.signin.user.admin").contains(scope);
            if (!builtIn && (server == null || !server.contains(scope.substring(slash + 1)))) {
                throw refusal(at, "ScopeDoesNotExistException", "Invalid scope requested: " + scope);
            }
        }
        if (flows.contains("client_credentials") && !generateSecret) {
            throw refusal(at, "InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.");
        }
        if (flows.contains("client_credentials") && (flows.contains("code") || flows.contains("implicit"))) {
            throw refusal(at, "InvalidOAuthFlowException", "client_credentials flow can not be selected along with code flow or implicit flow.");
        }
        c.poolId = pool.id;
        c.name = name;
        c.flows = List.copyOf(flows);
        c.scopes = List.copyOf(scopes);
        c.oauthEnabled = oauth;
        c.secret = generateSecret ? random(LOWER_DIGITS, 52) : null;
        String u = unit == null ? "hours" : unit;
        long v = validity == null ? 1 : validity;
        if (validity == null && unit == null) {
            u = "hours";
            v = 1;
        }
        c.accessTokenValidity = v;
        c.accessTokenValidityUnit = u;
        c.accessTokenSeconds = switch (u) {
            case "seconds" -> v;
            case "minutes" -> v * 60;
            case "days" -> v * 86400;
            default -> v * 3600;
        };
        if (c.accessTokenSeconds < 300 || c.accessTokenSeconds > 86400) {
            throw refusal(at, "InvalidParameterException", "AccessTokenValidity must be between 5 minutes and 1 day.");
        }
        double now = System.currentTimeMillis() / 1000.0;
        c.created = c.created == 0 ? now : c.created;
        c.modified = now;
        return c;
    }

    private static RuntimeException refusal(Node at, String type, String message) {
        return at != null ? at.error(type + ": " + message) : new IdentityProviderApi.ApiError(type, message);
    }

    static List<String> texts(Node list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (Node n : (ListNode) list.asList()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    String poolId(String stackName, String logicalId) {
        return region + "_" + derived(ALNUM, 9, "pool/" + stackName + "/" + logicalId);
    }

    String clientId(String stackName, String logicalId) {
        return derived(LOWER_DIGITS, 26, "client/" + stackName + "/" + logicalId);
    }

    /** A stable id from a name, so a template's resources keep their ids across restarts. */
    private static String derived(String alphabet, int length, String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return out.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- state used by the API and the token endpoint

    synchronized Pool poolById(String id) {
        return id == null ? null : pools.get(id);
    }

    synchronized AppClient client(String clientId) {
        return clientId == null ? null : clients.get(clientId);
    }

    synchronized AppClient createClient(Pool pool, AppClient client) {
        String id;
        do {
            id = random(LOWER_DIGITS, 26);
        } while (clients.containsKey(id));
        client.clientId = id;
        clients.put(id, client);
        save();
        return client;
    }

    synchronized boolean deleteClient(String poolId, String clientId) {
        AppClient c = clients.get(clientId);
        if (c == null || !c.poolId.equals(poolId)) {
            return false;
        }
        clients.remove(clientId);
        save();
        return true;
    }

    synchronized List<AppClient> clientsOf(String poolId) {
        return clients.values().stream().filter(c -> c.poolId.equals(poolId)).toList();
    }

    // ---------------------------------------------------------------- HTTP

    private HttpResponse handle(HttpRequest request) {
        String path = request.rawPath();
        String method = request.method();
        if (path.equals("/oauth2/token")) {
            return method.equals("POST") ? tokens.handle(request) : TokenEndpoint.error(405, "invalid_request", "use POST");
        }
        if (method.equals("GET") && (path.equals("/.well-known/jwks.json") || path.endsWith("/.well-known/jwks.json")
                && poolById(path.substring(1, path.length() - "/.well-known/jwks.json".length())) != null)) {
            HttpResponse r = HttpResponse.json(200, issuer.jwksJson());
            r.headers().add(Map.entry("Cache-Control", "public, max-age=300"));
            return r;
        }
        if (method.equals("POST") && path.equals("/") && request.header("X-Amz-Target") != null) {
            return api.handle(request);
        }
        return HttpResponse.json(404, "{\"message\":\"not found\"}");
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- persistence

    private void load() {
        if (stateDir == null || !Files.isRegularFile(stateDir.resolve("cognito.json"))) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(stateDir.resolve("cognito.json").toFile());
            for (JsonNode c : root.path("clients")) {
                AppClient client = new AppClient();
                client.poolId = c.path("poolId").asText();
                client.clientId = c.path("clientId").asText();
                client.name = c.path("name").asText();
                client.secret = c.hasNonNull("secret") ? c.get("secret").asText() : null;
                client.flows = strings(c.path("flows"));
                client.scopes = strings(c.path("scopes"));
                client.oauthEnabled = c.path("oauthEnabled").asBoolean();
                client.accessTokenSeconds = c.path("accessTokenSeconds").asLong(3600);
                client.accessTokenValidity = c.path("accessTokenValidity").asLong(1);
                client.accessTokenValidityUnit = c.path("accessTokenValidityUnit").asText("hours");
                client.created = c.path("created").asDouble();
                client.modified = c.path("modified").asDouble();
                client.fromTemplate = c.path("fromTemplate").asBoolean();
                clients.put(client.clientId, client);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateDir.resolve("cognito.json"), e);
        }
    }

    private void save() {
        if (stateDir == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("clients");
        for (AppClient c : clients.values()) {
            ObjectNode n = list.addObject();
            n.put("poolId", c.poolId);
            n.put("clientId", c.clientId);
            n.put("name", c.name);
            n.put("secret", c.secret);
            c.flows.forEach(n.putArray("flows")::add);
            c.scopes.forEach(n.putArray("scopes")::add);
            n.put("oauthEnabled", c.oauthEnabled);
            n.put("accessTokenSeconds", c.accessTokenSeconds);
            n.put("accessTokenValidity", c.accessTokenValidity);
            n.put("accessTokenValidityUnit", c.accessTokenValidityUnit);
            n.put("created", c.created);
            n.put("modified", c.modified);
            n.put("fromTemplate", c.fromTemplate);
        }
        try {
            Files.createDirectories(stateDir);
            Path tmp = stateDir.resolve("cognito.json.tmp");
            Files.writeString(tmp, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            Files.move(tmp, stateDir.resolve("cognito.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateDir.resolve("cognito.json"), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
