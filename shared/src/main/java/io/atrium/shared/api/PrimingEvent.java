package io.atrium.shared.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The request a function answers once before its SnapStart snapshot (ADR 0016): a verified caller of a tenant that
 * owns nothing, with the route's scope, an empty JSON body, no path id and no Idempotency-Key. Every route answers
 * it from reads only: a 400 for the missing id or fields, an empty list, a 404; nothing is written.
 */
final class PrimingEvent {
    static final String REQUEST_ID = "snapstart-priming";
    /** A well-formed tenant id no tenant has (real ones are minted by {@link Ids#newId}). */
    static final String TENANT_ID = "ten_SnapStartPrimingOwnsNothing";

    private PrimingEvent() {
    }

    static ProxyRequestEvent forScope(String requiredScope) {
        ProxyRequestEvent.RequestContext context = new ProxyRequestEvent.RequestContext();
        context.setRequestId(REQUEST_ID);
        Map<String, Object> authorizer = new HashMap<>();
        authorizer.put("tenantId", TENANT_ID);
        authorizer.put("tier", "basic");
        authorizer.put("clientId", REQUEST_ID);
        authorizer.put("scopes", requiredScope == null || ApiHandler.ANY_SCOPE.equals(requiredScope) ? "" : requiredScope);
        context.setAuthorizer(authorizer);
        ProxyRequestEvent event = new ProxyRequestEvent();
        event.setRequestContext(context);
        event.setHttpMethod("GET");
        event.setResource("/snapstart-priming");
        event.setPath("/snapstart-priming");
        event.setHeaders(Map.of("Content-Type", ApiResponse.JSON));
        event.setBody("{}");
        return event;
    }
}
