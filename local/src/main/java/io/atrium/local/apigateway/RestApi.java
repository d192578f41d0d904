package io.atrium.local.apigateway;

import io.atrium.local.http.HttpHandler;
import io.atrium.local.http.HttpRequest;
import io.atrium.local.http.HttpResponse;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.observe.RequestTrace;
import io.atrium.local.observe.Telemetry;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One API Gateway REST API stage served locally, as a pipeline of API Gateway's steps: route the request under
 * {@code /{stage}} ({@link RouteTable}), build the proxy event ({@link ProxyEventBuilder}), run the Lambda
 * authorizer ({@link LambdaAuthorizers}), meter the usage plan ({@link UsagePlanMeter}), invoke the function and
 * map its answer ({@link ProxyResponse}). Every answer the gateway makes itself goes through the Api's
 * {@link GatewayResponses}; CORS preflights answer as SAM's generated OPTIONS methods do ({@link Cors}).
 */
public final class RestApi implements HttpHandler {

    /** API Gateway's integration timeout. */
    static final long INTEGRATION_TIMEOUT_MS = 29_000;

    private final Stage stage;
    private final RouteTable routes;
    private final Cors cors;
    private final Authorizer preflightAuthorizer;
    private final GatewayResponses gatewayResponses;
    private final LambdaAuthorizers authorizers;
    private final UsagePlanMeter meter;
    private volatile int port;
    private volatile Telemetry telemetry;

    /**
     * @param preflightAuthorizer the default authorizer when SAM adds it to CORS preflights
     *                            ({@code AddDefaultAuthorizerToCorsPreflight}), else null
     * @param meter               the account's usage plans, or null when none apply
     */
    public RestApi(Stage stage, RouteTable routes, Cors cors, Authorizer preflightAuthorizer,
            GatewayResponses gatewayResponses, UsagePlanMeter meter) {
        this.stage = stage;
        this.routes = routes;
        this.cors = cors;
        this.preflightAuthorizer = preflightAuthorizer;
        this.gatewayResponses = gatewayResponses;
        this.meter = meter;
        this.authorizers = new LambdaAuthorizers(stage, INTEGRATION_TIMEOUT_MS);
    }

    public String stack() {
        return stage.stack();
    }

    public String logicalId() {
        return stage.logicalId();
    }

    public String apiId() {
        return stage.apiId();
    }

    public String stage() {
        return stage.name();
    }

    public RouteTable routes() {
        return routes;
    }

    public GatewayResponses gatewayResponses() {
        return gatewayResponses;
    }

    /** Tells the API its port, for the Host-less parts of the event (domainName). */
    public void port(int port) {
        this.port = port;
    }

    /** Records every request, its spans and its functions' log lines from now on (the console's). */
    public void telemetry(Telemetry telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String requestId = UUID.randomUUID().toString();
        Telemetry recorder = telemetry;
        RequestTrace trace = recorder == null ? RequestTrace.unrecorded(requestId)
                : recorder.begin(stage.stack(), request.method(), request.rawPath(), requestId);
        HttpResponse response = serve(request, trace);
        trace.finish(response.status());
        return response;
    }

    private HttpResponse serve(HttpRequest request, RequestTrace trace) {
        GatewayContext context = new GatewayContext(trace.requestId(), stage.apiId(), stage.name(), request,
                null, Map.of(), stage.variables());
        try {
            return route(request, context, trace);
        } catch (PercentDecoding.MalformedEscape e) {
            return gatewayResponses.render(GatewayError.BAD_REQUEST, context);
        } catch (RuntimeException e) {
            System.err.printf("%s %s: local runtime failure for %s %s%n", stage.stack(), context.requestId(),
                    request.method(), request.rawPath());
            e.printStackTrace();
            return gatewayResponses.render(GatewayError.INTERNAL, context);
        }
    }

    @Override
    public HttpResponse unreadable(int status, String reason) {
        GatewayContext context = new GatewayContext(UUID.randomUUID().toString(), stage.apiId(), stage.name(), null,
                null, Map.of(), stage.variables());
        GatewayError error = switch (status) {
            case 413 -> GatewayError.REQUEST_TOO_LARGE;
            case 431 -> GatewayError.HEADERS_TOO_LARGE;
            default -> GatewayError.BAD_REQUEST;
        };
        return gatewayResponses.render(error, context);
    }

    @Override
    public HttpResponse failed(HttpRequest request) {
        GatewayContext context = new GatewayContext(UUID.randomUUID().toString(), stage.apiId(), stage.name(), request,
                null, Map.of(), stage.variables());
        return gatewayResponses.render(GatewayError.INTERNAL, context);
    }

    private HttpResponse route(HttpRequest request, GatewayContext context, RequestTrace trace) {
        String prefix = "/" + stage.name();
        String rawPath = request.rawPath();
        if (!(rawPath.equals(prefix) || rawPath.startsWith(prefix + "/"))) {
            return gatewayResponses.render(GatewayError.FORBIDDEN, context);
        }
        RequestPath path = RequestPath.parse(rawPath.substring(prefix.length()));
        RouteTable.Match match = routes.match(path.segments());
        String method = request.method().toUpperCase(Locale.ROOT);
        Route route = match == null ? null : match.resource().route(method);
        if (route == null && match != null && method.equals("OPTIONS") && cors != null) {
            return preflight(request, path, match, context, trace);
        }
        if (route == null) {
            return gatewayResponses.render(GatewayError.MISSING_AUTHENTICATION_TOKEN, context);
        }
        GatewayContext matched = context.matched(route.resourcePath(), match.pathParameters());
        ProxyEvent event = ProxyEventBuilder.build(stage, port, new ProxyEventBuilder.Matched(request, path,
                route.resourcePath(), method, match.pathParameters(), context.requestId()));
        return call(route, request, path, event, matched, trace);
    }

    private HttpResponse call(Route route, HttpRequest request, RequestPath path, ProxyEvent event,
            GatewayContext context, RequestTrace trace) {
        AuthorizerResult authorized = null;
        if (route.authorizer() != null) {
            LambdaAuthorizers.Outcome outcome = authorizers.authorize(route.authorizer(), request, event, path.raw(), trace);
            if (outcome instanceof LambdaAuthorizers.Refused refused) {
                return gatewayResponses.render(refused.error(), context);
            }
            LambdaAuthorizers.Allowed allowed = (LambdaAuthorizers.Allowed) outcome;
            authorized = allowed.result();
            trace.tenant(authorized.context().get("tenantId"));
            String apiKey = meter != null && meter.keyFromAuthorizer() ? authorized.usageIdentifierKey() : null;
            event = event.authorized(authorized.requestContext(allowed.latencyMs()), apiKey);
        }
        if (route.apiKeyRequired() && meter != null) {
            long startMicros = RequestTrace.nowMicros();
            GatewayError limited = meter.meter(stage, request, authorized);
            trace.span(RequestTrace.newId(), trace.rootId(), "Usage plan", startMicros,
                    Map.of("outcome", limited == null ? "within limits" : limited.type().name()));
            if (limited != null) {
                return gatewayResponses.render(limited, context);
            }
        }
        LocalFunction.Result result = route.function().invoke(event, INTEGRATION_TIMEOUT_MS, trace, trace.rootId());
        if (result.timedOut()) {
            return gatewayResponses.render(GatewayError.INTEGRATION_TIMEOUT, context);
        }
        HttpResponse response = result.ok()
                ? ProxyResponse.toHttp(result.output(), request, stage, route.function().name(), context.requestId())
                : null;
        return response != null ? response : gatewayResponses.render(GatewayError.BAD_GATEWAY, context);
    }

    private HttpResponse preflight(HttpRequest request, RequestPath path, RouteTable.Match match, GatewayContext context,
            RequestTrace trace) {
        if (preflightAuthorizer != null) {
            ProxyEvent event = ProxyEventBuilder.build(stage, port, new ProxyEventBuilder.Matched(request, path,
                    match.resource().path(), "OPTIONS", match.pathParameters(), context.requestId()));
            LambdaAuthorizers.Outcome outcome = authorizers.authorize(preflightAuthorizer, request, event, path.raw(), trace);
            if (outcome instanceof LambdaAuthorizers.Refused refused) {
                return gatewayResponses.render(refused.error(), context);
            }
        }
        return cors.preflight(match.resource(), context.requestId());
    }

    @Override
    public String toString() {
        return stage.stack() + "/" + stage.logicalId() + " (stage " + stage.name() + ")";
    }
}
