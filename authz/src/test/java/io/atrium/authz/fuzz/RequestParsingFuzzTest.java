package io.atrium.authz.fuzz;

import io.atrium.shared.api.ProxyRequestEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.atrium.shared.api.ApiRequest;
import io.atrium.shared.api.Caller;
import io.atrium.shared.api.JsonBodyReader;
import io.atrium.shared.api.Validatable;
import io.atrium.shared.api.Violations;
import io.atrium.shared.error.PlatformException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layer's request parsing (JsonBodyReader, ApiRequest: body size, media type, base64, ids, limit) under
 * arbitrary input: every bad request must end as a client error ({@link PlatformException}, which the layer
 * maps to 4xx), never as another exception (a 500). Replayed from its inputs in the normal run.
 */
class RequestParsingFuzzTest {

    /** A DTO with every component kind JsonBodyReader allows. */
    record Line(String productId, Integer quantity) {
    }

    record Order(String name, Long amount, Boolean flag, Line first, List<Line> lines, List<String> tags)
            implements Validatable {
        @Override
        public void validate(Violations violations) {
            violations.text("name", name, 1, 50);
            violations.range("amount", amount, 0, 1_000_000);
            if (lines != null) {
                for (int i = 0; i < lines.size(); i++) {
                    Line line = lines.get(i);
                    if (line != null) {
                        violations.id("lines[" + i + "].productId", line.productId());
                    }
                }
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void jsonBodiesOnlyEverFailAsClientErrors(FuzzedDataProvider data) {
        try {
            JsonBodyReader.read(data.consumeRemainingAsString(), Order.class);
        } catch (PlatformException expected) {
            // 400 with errors[]
        }
    }

    @FuzzTest(maxDuration = "30s")
    void wholeRequestsOnlyEverFailAsClientErrors(FuzzedDataProvider data) {
        ProxyRequestEvent event = new ProxyRequestEvent();
        event.setHttpMethod("POST");
        event.setPath("/v1/orders");
        event.setHeaders(Map.of("Content-Type", data.consumeString(40)));
        event.setQueryStringParameters(Map.of("limit", data.consumeString(12)));
        event.setPathParameters(Map.of("orderId", data.consumeString(80)));
        event.setIsBase64Encoded(data.consumeBoolean());
        event.setBody(data.consumeRemainingAsString());
        ApiRequest request = new ApiRequest(event, new Caller("ten_fuzz", "basic", Set.of(), "client"), "req-1");
        attempt(request::limit);
        attempt(() -> request.pathId("orderId"));
        attempt(() -> request.body(Order.class));
    }

    private static void attempt(Runnable step) {
        try {
            step.run();
        } catch (PlatformException expected) {
            // 4xx
        }
    }
}
