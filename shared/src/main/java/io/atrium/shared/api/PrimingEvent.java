package io.atrium.shared.api;

import io.atrium.shared.snapstart.PrimingIds;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The requests a function answers before its SnapStart snapshot (ADR 0016): a verified caller of a tenant that owns
 * nothing, with the route's scope, an empty JSON body and no Idempotency-Key; without a path id, then with every path
 * id naming {@link #ITEM_ID}, which no item has (and an If-Match of version 1). Every route answers them from reads only: a 400 for the missing id
 * or fields, a 428 for a missing If-Match, an empty list, a 404; nothing is written.
 */
final class PrimingEvent {
    static final String REQUEST_ID = "snapstart-priming";
    /** A well-formed tenant id no tenant has (real ones are minted by {@link Ids#newId}). */
    static final String TENANT_ID = PrimingIds.TENANT_ID;
    /** A well-formed id no item has (ids are minted by {@link Ids#newId}, never this). */
    static final String ITEM_ID = PrimingIds.ITEM_ID;

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

    /**
     * {@link #forScope}, with every path parameter the route reads naming {@link #ITEM_ID} and an {@code If-Match} of
     * version 1, so a route that changes an item gets past its precondition to its read of the item.
     */
    static ProxyRequestEvent withAnyPathId(String requiredScope) {
        ProxyRequestEvent event = forScope(requiredScope);
        event.setPathParameters(new AnyName());
        event.setHeaders(Map.of("Content-Type", ApiResponse.JSON, "If-Match", "\"1\""));
        return event;
    }

    /** {@link #withAnyPathId} as a PUT of {@code body}: an update's body is read and validated, then its item read. */
    static ProxyRequestEvent withBodyAndAnyPathId(String requiredScope, String body) {
        ProxyRequestEvent event = withAnyPathId(requiredScope);
        event.setHttpMethod("PUT");
        event.setBody(body);
        return event;
    }

    /** {@link #forScope} as a POST of {@code body}, the route's own priming body. */
    static ProxyRequestEvent withBody(String requiredScope, String body) {
        ProxyRequestEvent event = forScope(requiredScope);
        event.setHttpMethod("POST");
        event.setBody(body);
        return event;
    }

    /** {@link #withBody}, with an Idempotency-Key: the route's claim of it runs, refused while priming. */
    static ProxyRequestEvent withBodyAndKey(String requiredScope, String body) {
        ProxyRequestEvent event = withBody(requiredScope, body);
        event.setHeaders(Map.of("Content-Type", ApiResponse.JSON, "Idempotency-Key", REQUEST_ID));
        return event;
    }

    /** Path parameters that hold {@link #ITEM_ID} whatever the route calls its id (and list none). */
    private static final class AnyName extends AbstractMap<String, String> {
        @Override
        public String get(Object name) {
            return ITEM_ID;
        }

        @Override
        public boolean containsKey(Object name) {
            return true;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            return Set.of();
        }
    }
}
