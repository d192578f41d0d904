package io.atrium.local.apigateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What makes a function's answer a malformed proxy response (API Gateway's 502). */
class ProxyResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String problem(String json) throws Exception {
        return ProxyResponse.malformed(JSON.readTree(json));
    }

    @Test
    void aHeaderThatWouldSplitTheHttpAnswerIsMalformed() throws Exception {
        assertNotNull(problem("{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\r\\nSet-Cookie: evil=1\"}}"));
        assertNotNull(problem("{\"statusCode\":200,\"multiValueHeaders\":{\"X-A\":[\"ok\",\"b\\nc\"]}}"));
        assertNotNull(problem("{\"statusCode\":200,\"headers\":{\"Bad Name\":\"x\"}}"));
        assertEquals("a header value has a character HTTP headers cannot carry",
                problem("{\"statusCode\":200,\"headers\":{\"X-A\":\"nul\\u0000\"}}"));
    }

    @Test
    void ordinaryAnswersAreFine() throws Exception {
        assertNull(problem("{\"statusCode\":201,\"headers\":{\"Location\":\"/v1/partners/p-1\",\"ETag\":\"\\\"3\\\"\"},"
                + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"]},\"body\":\"{}\",\"isBase64Encoded\":false}"));
        assertNull(problem("{\"statusCode\":\"204\"}"));
    }
}
