package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.LocalRuntime;
import io.atrium.local.RawHttp;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The local runtime's HTTP layer fuzzed on path, query string and headers, over real sockets against the fixture
 * stacks: every answer comes, within the timeout, below 500, and an error answer never shows an exception, a class
 * or a stack frame. Bounded here ({@code jqwik.tries.default} in junit-platform.properties); {@code scripts/fuzz}
 * runs it with many more tries.
 */
class HttpLayerProperties {

    private static final String PERCENT_HEAVY = "%%%0123456789abcdefgABCDEFG/+.-_~!$&'()*,;=:@";
    private static final List<String> LEAKS = List.of("Exception", "java.", "\tat ", "io.atrium", "Caused by", "Error:");
    private static LocalRuntime runtime;

    private static synchronized int port() {
        if (runtime == null) {
            runtime = LocalRuntime.start(new LocalRuntime.Options().root(FixtureRoot.get()).warmUp(false).basePort(0)
                    .tablePrefix("fz" + UUID.randomUUID().toString().substring(0, 6) + "-"));
        }
        return runtime.baseUrl("alpha").getPort();
    }

    @AfterContainer
    static synchronized void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Property
    void pathsGetAnAnswerBelow500ThatLeaksNothing(@ForAll("paths") String path) throws Exception {
        check("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    @Property
    void queryStringsGetAnAnswerBelow500ThatLeaksNothing(@ForAll("queries") String query) throws Exception {
        check("GET /v1/items/1?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    @Property
    void headersGetAnAnswerBelow500ThatLeaksNothing(@ForAll("headerBlocks") String headers,
            @ForAll("routes") String route) throws Exception {
        check("GET " + route + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private static void check(String request) throws Exception {
        RawHttp.Answer a = RawHttp.exchange(port(), request);
        assertTrue(a.status() < 500, "a 5xx for " + printable(request) + ": " + a);
        if (a.status() >= 400) {
            // x-amzn-ErrorType is API Gateway's own vocabulary (UnauthorizedException, ...), not a Java class
            String shown = a.body() + a.headers().stream().filter(h -> !h.getKey().equalsIgnoreCase("x-amzn-ErrorType"))
                    .map(Object::toString).reduce("", String::concat);
            for (String leak : LEAKS) {
                assertFalse(shown.contains(leak), "'" + leak + "' in the answer to " + printable(request) + ": " + a);
            }
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** Text without the bytes that frame a request line (space, CR, LF) or start a fragment. */
    private static Arbitrary<String> lineText(int maxLength) {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(PERCENT_HEAVY.chars().mapToObj(c -> (char) c).toList())),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('!', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0080', '\u00ff')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u0001', '\u001f').filter(c -> c != '\r' && c != '\n')));
        return chars.filter(c -> c != '#').list().ofMaxSize(maxLength)
                .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
    }

    @Provide
    Arbitrary<String> paths() {
        return Combinators.combine(Arbitraries.of("/v1/items/", "/v1/echo/", "/v1/", "/", "/v1/secure/", ""),
                lineText(80)).as(String::concat).map(p -> p.isEmpty() ? "/" : p);
    }

    @Provide
    Arbitrary<String> queries() {
        return lineText(120);
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of("/v1/items/1", "/v1/secure", "/v1/request-auth", "/v1/echo/a/b", "/v1/nothing");
    }

    @Provide
    Arbitrary<String> headerBlocks() {
        Arbitrary<String> names = Arbitraries.oneOf(
                // not Content-Length or Transfer-Encoding: a body announced and never sent is waited for, as by any server
                Arbitraries.of("Authorization", "X-Api-Token", "Content-Type", "Accept", "X-Forwarded-For", "Expect",
                        "Connection", "x-api-key", "Origin", "Host", "User-Agent", "X-Forwarded-Proto"),
                Arbitraries.strings().withChars("abcdefgXYZ-_0123456789!#$%&'*+.^`|~").ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> values = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0080', '\u00ff')
                .withChars('\t').ofMaxLength(100);
        return Combinators.combine(names, values).as((n, v) -> n + ": " + v + "\r\n").list().ofMaxSize(6)
                .map(l -> String.join("", l));
    }
}
