package io.atrium.shared.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.atrium.shared.Platform;
import io.atrium.shared.aws.CallBudget;
import io.atrium.shared.domain.tenant.CrossTenantAccess;
import io.atrium.shared.error.ForbiddenException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PlatformException;
import io.atrium.shared.json.Json;
import io.atrium.shared.log.JsonLog;
import io.atrium.shared.metrics.Metrics;
import io.atrium.shared.snapstart.PrimingGuard;
import io.atrium.shared.snapstart.SnapStart;
import io.atrium.shared.trace.Invocation;
import io.atrium.shared.trace.Tracing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every API function does around its one service call: establish the caller from the
 * authorizer context (401 without one), check the route's scope (403), map errors to problem
 * details, add {@code X-Request-Id} (and the CORS headers of the stack's {@code ALLOWED_ORIGINS}), write one JSON log
 * line and one metrics line (per endpoint and tenant), and trace it: a span annotated with tenant_id, request_id and
 * endpoint, holding a span per AWS call.
 */
public abstract class ApiHandler implements RequestStreamHandler {

    /** Required scope of a route that any verified caller may use, whatever its scopes (e.g. {@code GET /me}). */
    public static final String ANY_SCOPE = "*";
    /** Kept back from the AWS calls' budget: clean-up after the work ({@link CallBudget#settle}), then the answer. */
    static final Duration RESERVE = CallBudget.SETTLE.plus(Duration.ofMillis(500));
    /** An id that names no item, for the ids in a {@link #primingBody()} (ADR 0016). */
    protected static final String PRIMING_ID = PrimingEvent.ITEM_ID;
    /** The functions' timeout in the templates: the time left when no Lambda context says (handler tests). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The browser origin the stack allows (its {@code AllowedOrigins} parameter), or null: no CORS headers. */
    private static final String ALLOWED_ORIGIN = System.getenv("ALLOWED_ORIGINS");
    /** What a browser script may read of an answer besides the safelisted headers (ETag for If-Match). */
    static final String EXPOSED_HEADERS = "ETag, Location, Retry-After, X-Request-Id";

    static {
        // Jackson builds its event reader (a tree, ADR 0019) and the answer's serialisers at init, not inside the first request
        try {
            ProxyEventReader.read("{\"requestContext\":{\"authorizer\":{}},\"headers\":{}}");
        } catch (IOException e) {
            throw new IllegalStateException("the proxy event reader does not work", e);
        }
        Json.write(ApiResponse.json(200, Map.of("status", "init")).toEvent());
    }

    private final String operation;
    private final String requiredScope;
    private final JsonLog log;
    private final Metrics metrics;

    /**
     * @param requiredScope the OAuth2 scope the route needs, {@link #ANY_SCOPE} for any verified caller, or
     *                      {@code null} for a public route (health, docs) that has no caller
     */
    protected ApiHandler(String service, String operation, String requiredScope) {
        this.operation = operation;
        this.requiredScope = requiredScope;
        this.log = new JsonLog(service);
        this.metrics = Metrics.of(service);
        SnapStart.prime(getClass(), this::prime);
    }

    /**
     * Before the SnapStart snapshot (ADR 0016), with every DynamoDB write refused ({@link PrimingGuard}): the priming
     * request once through Lambda's entry point (the event read from bytes, the answer written as bytes), then once
     * more with every path id naming an item no tenant has (and an If-Match), so the route's own read runs, then, for
     * a route that takes a body, with {@link #primingBody()}: without a path id (and once more with an
     * Idempotency-Key), so a create's reading, validation, service and write path run up to DynamoDB's refusal, and
     * with the path ids, so an update's body is read and its item looked up; last, the route's success answer is
     * written from a sample of {@link #responseType()}.
     * Nothing is written to any table. A 5xx answer fails the primer.
     */
    private void prime() {
        PrimingGuard.refusingWrites(() -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(PrimingEvent.forScope(requiredScope))),
                        out, null);
                expectNoServerError(Json.MAPPER.readTree(out.toByteArray()).path("statusCode").asInt());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            expectNoServerError(respond(PrimingEvent.withAnyPathId(requiredScope), null).statusCode());
            String body = primingBody();
            if (body != null) {
                expectNoServerError(respond(PrimingEvent.withBody(requiredScope, body), null).statusCode());
                // a route with idempotency claims the key: the claim is refused, so the route answers 422, not its work
                expectNoServerError(respond(PrimingEvent.withBodyAndKey(requiredScope, body), null).statusCode());
                // an update reads the body, then the item its path names (none: 404)
                expectNoServerError(respond(PrimingEvent.withBodyAndAnyPathId(requiredScope, body), null).statusCode());
            }
            if (responseType() != null) {
                // the answer a primed request cannot reach (nothing exists, nothing is written), written as Lambda would
                Json.write(ApiResponse.resource(200, PrimingSamples.of(responseType()), 1).toEvent());
            }
            metrics.prime();
            return null;
        });
    }

    /**
     * A body this route accepts (a create's or an update's), for its priming requests (ADR 0016), or null (the
     * default) for a route without one.
     * Its ids name nothing: the answer may be a 404 or 409, never a write, since every write is refused while priming.
     */
    protected String primingBody() {
        return null;
    }

    /**
     * The record this route answers with on success, whose JSON writer is built before the snapshot from a sample
     * (ADR 0016), or null (the default).
     */
    protected Class<?> responseType() {
        return null;
    }

    private void expectNoServerError(int status) {
        if (status >= 500) {
            throw new IllegalStateException(operation + " answered its priming request " + status);
        }
    }

    protected abstract ApiResponse handle(ApiRequest request);

    /** The function's metrics, for business counts beside the per-request ones ({@code OrdersPlaced}...). */
    protected final Metrics metrics() {
        return metrics;
    }

    /** Lambda's entry point: the proxy event's bytes in, the proxy response's JSON out (no event library). */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProxyRequestEvent event = ProxyEventReader.read(input);
        Json.MAPPER.writeValue(output, respond(event, context));
    }

    /** Answers one proxy event: what {@link #handleRequest} does between reading and writing JSON. */
    public final ProxyResponseEvent respond(ProxyRequestEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = requestId(event, context);
        String endpoint = event.getHttpMethod() + " " + event.getResource();
        Invocation invocation = Invocation.begin(Tracing.header(context), operation);
        invocation.span().annotate("request_id", requestId).annotate("endpoint", endpoint);
        try {
            Answer answer = answer(event, context, requestId);
            ApiResponse response = withCors(answer.response().withHeader("X-Request-Id", requestId), ALLOWED_ORIGIN);
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            invocation.span().status(response.status());
            if (answer.failure() instanceof NotFoundException notFound && answer.tenantId() != null) {
                reportCrossTenant(event, answer.tenantId(), notFound, requestId);
            }
            log(answer, response.status(), requestId, durationMs);
            if (!PrimingEvent.REQUEST_ID.equals(requestId)) {
                // priming before the snapshot is no request: it must not count in the API's metrics
                metrics.request(endpoint, answer.tenantId(), response.status(), durationMs);
            }
            return response.toEvent();
        } finally {
            invocation.end();
        }
    }

    /** What the route answered, for whom (null before the caller is known), and the failure behind a problem. */
    private record Answer(ApiResponse response, String tenantId, RuntimeException failure) {
    }

    private Answer answer(ProxyRequestEvent event, Context context, String requestId) {
        String tenantId = null;
        try {
            Caller caller = null;
            if (requiredScope != null) {
                caller = Caller.fromAuthorizerContext(event.getRequestContext() == null ? null
                        : event.getRequestContext().getAuthorizer());
                tenantId = caller.tenantId();
                Invocation.current().span().annotate("tenant_id", tenantId);
                if (!ANY_SCOPE.equals(requiredScope) && !caller.hasScope(requiredScope)) {
                    throw new ForbiddenException("This route needs the scope " + requiredScope + ".");
                }
            }
            ApiRequest request = new ApiRequest(event, caller, requestId);
            return new Answer(CallBudget.within(callBudget(context), () -> handle(request)), tenantId, null);
        } catch (RuntimeException e) {
            return new Answer(Problems.toResponse(e, requestId), tenantId, e);
        }
    }

    private void log(Answer answer, int status, String requestId, long durationMs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("requestId", requestId);
        if (answer.tenantId() != null) {
            line.put("tenantId", answer.tenantId());
        }
        line.put("operation", operation);
        line.put("durationMs", durationMs);
        line.put("statusCode", status);
        RuntimeException failure = answer.failure();
        if (failure != null) {
            line.put("error", failure instanceof PlatformException ? Problems.kindOf(failure).slug()
                    : failure.getClass().getName() + ": " + failure.getMessage());
        }
        if (status >= 500) {
            log.error(line);
        } else {
            log.info(line);
        }
    }

    /** The answer with the CORS headers a browser needs to read it, when the stack allows an origin (API.md). */
    static ApiResponse withCors(ApiResponse response, String allowedOrigin) {
        if (allowedOrigin == null || allowedOrigin.isEmpty()) {
            return response;
        }
        return response.withHeader("Access-Control-Allow-Origin", allowedOrigin)
                .withHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    /** A 404 for an id another tenant owns is logged as a security event with both tenant ids (ADR 0202). */
    private void reportCrossTenant(ProxyRequestEvent event, String tenantId, NotFoundException notFound,
                                   String requestId) {
        List<String> ids = new ArrayList<>();
        if (event.getPathParameters() != null) {
            ids.addAll(event.getPathParameters().values());
        }
        if (notFound.resourceId() != null) {
            ids.add(notFound.resourceId());
        }
        CrossTenantAccess.detect(Platform.ownedIds(), tenantId, ids).ifPresent(fields -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("requestId", requestId);
            line.put("operation", operation);
            line.putAll(fields);
            log.security(CrossTenantAccess.EVENT, line);
        });
    }

    /**
     * What the request's AWS calls may spend, retries included: the invocation's remaining time less
     * {@link #RESERVE}, so a throttled, failing or hanging dependency is answered 503 before the function times out.
     */
    static Duration callBudget(Context context) {
        Duration remaining = context == null ? DEFAULT_TIMEOUT : Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration budget = remaining.minus(RESERVE);
        return budget.isNegative() ? Duration.ZERO : budget;
    }

    private static String requestId(ProxyRequestEvent event, Context context) {
        if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
            return event.getRequestContext().getRequestId();
        }
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        return UUID.randomUUID().toString();
    }
}
