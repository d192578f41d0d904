package io.atrium.authz.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.atrium.authz.AuthzWiring;
import io.atrium.authz.service.AuthorizerService;
import io.atrium.authz.service.AuthorizerService.Grant;
import io.atrium.authz.token.TokenRejectedException;
import io.atrium.shared.log.JsonLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TOKEN Lambda authorizer of every business API. Allows the whole stage (API Gateway caches the answer
 * per token for 300 s and reuses it on every route; handlers check scopes), passes tenant id, tier, scopes
 * and client id as context and the tier's API key as {@code usageIdentifierKey}. Any failure, including an
 * unexpected one, throws {@code Unauthorized}, which API Gateway answers with 401: never a 5xx.
 * <p>
 * Input and output are plain maps: the Lambda runtime ignores Jackson annotations on event types.
 */
public final class AuthorizerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final AuthorizerService service;
    private final JsonLog log = new JsonLog("authz");

    public AuthorizerHandler() {
        this(AuthzWiring.authorizer());
    }

    public AuthorizerHandler(AuthorizerService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        long started = System.nanoTime();
        String requestId = context == null ? null : context.getAwsRequestId();
        try {
            Object token = event == null ? null : event.get("authorizationToken");
            Object methodArn = event == null ? null : event.get("methodArn");
            Grant grant = service.authorize(token instanceof String s ? s : null);
            String resource = stageWildcard(methodArn instanceof String s ? s : null);
            log.info(line(requestId, started, "allow", grant.tenantId(), grant.clientId(), null));
            return response(grant, resource);
        } catch (TokenRejectedException e) {
            log.security("token-rejected", line(requestId, started, "deny", null, null, e.getMessage()));
            throw new Unauthorized();
        } catch (RuntimeException e) {
            // a dependency failed (tenant table...): still a 401, and an error for the alarms
            log.error(line(requestId, started, "deny", null, null, e.getClass().getName()));
            throw new Unauthorized();
        }
    }

    /** {@code arn:aws:execute-api:region:account:apiId/stage/METHOD/path} -> {@code .../apiId/stage/*}. */
    static String stageWildcard(String methodArn) throws TokenRejectedException {
        if (methodArn == null) {
            throw new TokenRejectedException("no methodArn");
        }
        String[] arn = methodArn.split(":", 6);
        if (arn.length != 6 || !"execute-api".equals(arn[2])) {
            throw new TokenRejectedException("methodArn is not an execute-api ARN");
        }
        String[] path = arn[5].split("/", 3);
        if (path.length < 2 || path[0].isEmpty() || path[1].isEmpty()) {
            throw new TokenRejectedException("methodArn has no API id and stage");
        }
        return String.join(":", arn[0], arn[1], arn[2], arn[3], arn[4], path[0] + "/" + path[1] + "/*");
    }

    private static Map<String, Object> response(Grant grant, String resource) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Action", "execute-api:Invoke");
        statement.put("Effect", "Allow");
        statement.put("Resource", resource);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(statement));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("principalId", grant.clientId());
        out.put("policyDocument", policy);
        out.put("context", grant.context());
        out.put("usageIdentifierKey", grant.usageIdentifierKey());
        return out;
    }

    private static Map<String, Object> line(String requestId, long started, String decision, String tenantId,
                                            String clientId, String reason) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        line.put("operation", "authorize");
        line.put("decision", decision);
        if (tenantId != null) {
            line.put("tenantId", tenantId);
            line.put("clientId", clientId);
        }
        if (reason != null) {
            line.put("error", reason);
        }
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        return line;
    }

    /** The one error API Gateway turns into 401: its message must be exactly {@code Unauthorized}. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super("Unauthorized", null, false, false);
        }
    }
}
