package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.atrium.shared.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The tree reader of API Gateway's event (ADR 0019) reads what binding the event's bean with the layer's mapper read,
 * field by field, for any event: every field present, absent or null, any text, authorizer values of every JSON type,
 * fields AWS may add; and refuses what binding refused.
 */
class ProxyEventReaderProperties {
    private static final ObjectReader BINDING = Json.MAPPER.readerFor(ProxyRequestEvent.class);
    /** Writes the generated events as they are, nulls included. */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Property(tries = 150)
    void readsWhatBindingRead(@ForAll("events") Map<String, Object> event) throws IOException {
        String json = PLAIN.writeValueAsString(event);
        assertSame(BINDING.readValue(json), ProxyEventReader.read(json), json);
    }

    @Example
    void readsScalarsWhereTextIsExpectedAsBindingDid() throws IOException {
        for (String json : List.of("{\"headers\": {\"a\": 1, \"b\": 1.50, \"c\": true, \"d\": null}}", "{\"path\": 3}",
                "{\"multiValueHeaders\": {\"a\": [1, false, null, \"x\"]}}", "{\"requestContext\": {\"requestId\": 5}}",
                "{\"requestContext\": {\"authorizer\": {\"a\": 5.000, \"b\": 0.0, \"c\": 12345678901234567890123}}}")) {
            assertSame(BINDING.readValue(json), ProxyEventReader.read(json), json);
        }
    }

    @Example
    void refusesWhatBindingRefused() {
        for (String json : List.of("{\"headers\": {\"a\": {}}}", "{\"path\": {}}", "{\"path\": []}", "{\"headers\": []}",
                "{\"headers\": \"\"}", "{\"multiValueHeaders\": {\"a\": \"x\"}}", "{\"isBase64Encoded\": \"true\"}",
                "{\"isBase64Encoded\": 1}", "{\"requestContext\": []}", "{\"requestContext\": {\"authorizer\": \"x\"}}",
                "{\"body\": \"a\", \"body\": \"b\"}", "{} {}", "[]", "")) {
            assertThrows(IOException.class, () -> BINDING.readValue(json), "binding refuses " + json);
            assertThrows(IOException.class, () -> ProxyEventReader.read(json), "the tree reader refuses " + json);
        }
    }

    private static void assertSame(ProxyRequestEvent bound, ProxyRequestEvent read, String json) {
        assertEquals(bound.getResource(), read.getResource(), json);
        assertEquals(bound.getPath(), read.getPath(), json);
        assertEquals(bound.getHttpMethod(), read.getHttpMethod(), json);
        assertEquals(bound.getHeaders(), read.getHeaders(), json);
        assertEquals(bound.getMultiValueHeaders(), read.getMultiValueHeaders(), json);
        assertEquals(bound.getQueryStringParameters(), read.getQueryStringParameters(), json);
        assertEquals(bound.getMultiValueQueryStringParameters(), read.getMultiValueQueryStringParameters(), json);
        assertEquals(bound.getPathParameters(), read.getPathParameters(), json);
        assertEquals(bound.getBody(), read.getBody(), json);
        assertEquals(bound.getIsBase64Encoded(), read.getIsBase64Encoded(), json);
        assertEquals(bound.getRequestContext() == null, read.getRequestContext() == null, json);
        if (bound.getRequestContext() != null) {
            ProxyRequestEvent.RequestContext b = bound.getRequestContext();
            ProxyRequestEvent.RequestContext r = read.getRequestContext();
            assertEquals(b.getRequestId(), r.getRequestId(), json);
            assertEquals(b.getDomainName(), r.getDomainName(), json);
            assertEquals(b.getStage(), r.getStage(), json);
            assertEquals(b.getAuthorizer(), r.getAuthorizer(), json);
            if (b.getAuthorizer() != null) {
                // equal maps could still hold numbers of other classes (Integer vs Long): compare the classes too
                assertEquals(classes(b.getAuthorizer()), classes(r.getAuthorizer()), json);
            }
        }
    }

    private static Object classes(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, classes(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(classes(v)));
            return out;
        }
        return value == null ? null : value.getClass();
    }

    @Provide
    Arbitrary<Map<String, Object>> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).injectNull(0.15);
        Arbitrary<Map<String, String>> texts = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), text).ofMaxSize(3).injectNull(0.3);
        Arbitrary<Map<String, List<String>>> lists = Arbitraries.maps(Arbitraries.strings().ofMaxLength(6),
                text.list().ofMaxSize(3).injectNull(0.1)).ofMaxSize(3).injectNull(0.3);
        Arbitrary<Object> scalar = Arbitraries.oneOf(text.map(t -> (Object) t), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE),
                        BigInteger.valueOf(Long.MAX_VALUE).pow(2)).map(b -> (Object) b),
                Arbitraries.bigDecimals().ofScale(3).map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Object> nested = Arbitraries.oneOf(scalar,
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), scalar).ofMaxSize(2).map(m -> (Object) m),
                scalar.list().ofMaxSize(2).map(l -> (Object) l));
        Arbitrary<Map<String, Object>> authorizer = Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), nested).ofMaxSize(4);
        Arbitrary<Map<String, Object>> context = Arbitraries.lazy(() -> Arbitraries.maps(
                Arbitraries.of("requestId", "stage", "domainName", "authorizer", "identity", "requestTimeEpoch"),
                Arbitraries.just((Object) null)).ofMaxSize(6)).flatMap(keys -> contextOf(keys.keySet(), text, authorizer));
        return Arbitraries.maps(Arbitraries.of(Arrays.asList("resource", "path", "httpMethod", "headers", "multiValueHeaders",
                "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "requestContext", "body",
                "isBase64Encoded", "stageVariables", "someFieldAwsAddsLater")), Arbitraries.just((Object) null)).ofMaxSize(13)
                .flatMap(keys -> eventOf(keys.keySet(), text, texts, lists, context, nested));
    }

    private static Arbitrary<Map<String, Object>> contextOf(Iterable<String> keys, Arbitrary<String> text,
                                                            Arbitrary<Map<String, Object>> authorizer) {
        Arbitrary<Map<String, Object>> out = Arbitraries.just(new LinkedHashMap<>());
        for (String key : keys) {
            Arbitrary<Object> value = switch (key) {
                case "authorizer" -> authorizer.injectNull(0.2).map(a -> (Object) a);
                case "identity" -> Arbitraries.just((Object) Map.of("sourceIp", "10.0.0.1"));
                case "requestTimeEpoch" -> Arbitraries.longs().map(l -> (Object) l);
                default -> text.map(t -> (Object) t);
            };
            out = out.flatMap(map -> value.map(v -> with(map, key, v)));
        }
        return out;
    }

    private static Arbitrary<Map<String, Object>> eventOf(Iterable<String> keys, Arbitrary<String> text,
            Arbitrary<Map<String, String>> texts, Arbitrary<Map<String, List<String>>> lists,
            Arbitrary<Map<String, Object>> context, Arbitrary<Object> nested) {
        Arbitrary<Map<String, Object>> out = Arbitraries.just(new LinkedHashMap<>());
        for (String key : keys) {
            Arbitrary<Object> value = switch (key) {
                case "headers", "queryStringParameters", "pathParameters", "stageVariables" -> texts.map(t -> (Object) t);
                case "multiValueHeaders", "multiValueQueryStringParameters" -> lists.map(l -> (Object) l);
                case "requestContext" -> context.injectNull(0.1).map(c -> (Object) c);
                case "isBase64Encoded" -> Arbitraries.of(true, false).injectNull(0.2).map(b -> (Object) b);
                case "someFieldAwsAddsLater" -> nested;
                default -> text.map(t -> (Object) t);
            };
            out = out.flatMap(map -> value.map(v -> with(map, key, v)));
        }
        return out;
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
