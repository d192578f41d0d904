package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.ProjectLayout;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (headless Chromium over the DevTools protocol): it lists every stack, shows a request
 * made through the partner API in its live list, and opening it shows the request's log lines and a waterfall from the
 * gateway through the authorizer to the DynamoDB call; a schedule's "run now" runs its function, whose invocation is
 * then listed. Screenshots go to {@code e2e/target/screenshots}
 * ({@code scripts/console-screenshots} copies them to docs/console for the README).
 */
@LocalSystemTest
class ConsoleBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path SCREENSHOTS = ProjectLayout.root().resolve("e2e/target/screenshots");

    @Test
    void theConsoleListsTheStacksAndOpensARequestWithItsLogsAndWaterfall(LocalSystem system) throws Exception {
        ApiClients clients = new ApiClients(system);
        String token = clients.token(clients.onboard("Browser Test AG", "premium"));
        String partnerId = JSON.readTree(send("POST", system.baseUrl("partner") + "/partners", token,
                "{\"name\":\"Waterfall KG\",\"email\":\"ops@waterfall.example\",\"country\":\"AT\"}").body()).get("id").textValue();
        HttpResponse<String> got = send("GET", system.baseUrl("partner") + "/partners/" + partnerId, token, null);
        assertEquals(200, got.statusCode(), got.body());
        String requestId = got.headers().firstValue("X-Request-Id").orElseThrow();
        String console = JSON.readTree(system.runtime().endpointsJson()).get("consoleUrl").textValue();

        try (Chromium browser = Chromium.launch(); DevTools page = DevTools.newPage(browser)) {
            page.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            page.send("Page.navigate", Map.of("url", console + "#stacks"));
            page.waitFor("document.querySelectorAll('#stacks .stack').length >= 6", 30);
            String stacks = page.eval("[...document.querySelectorAll('#stacks .stack')].map(s => s.dataset.stack).join(' ')").asText();
            for (String stack : List.of("authz", "catalog", "contract", "order", "partner", "transaction")) {
                assertTrue(stacks.contains(stack), stacks);
            }
            screenshot(page, "console-stacks.png");

            page.eval("location.hash = '#requests'");
            String row = "document.querySelector('tr.request[data-request-id=\"" + requestId + "\"]')";
            page.waitFor(row, 10);
            page.eval(row + ".click()");
            page.waitFor("[...document.querySelectorAll('#waterfall .span')].some(s => s.dataset.span === 'DynamoDB.GetItem')", 10);
            String spans = page.eval("[...document.querySelectorAll('#waterfall .span')].map(s => s.dataset.span).join('|')").asText();
            assertTrue(spans.contains("Authorizer") && spans.contains("Lambda GetPartnerFunction") && spans.contains("getPartner"), spans);
            page.waitFor("document.querySelector('#logs').textContent.includes('\"requestId\":\"" + requestId + "\"')", 10);
            screenshot(page, "console-request.png");

            runASchedule(page, "contract/QueueDueContractsFunctionDailyExpiry");
        }
    }

    /** "Run now" runs the schedule's function through the schedules URL, and its invocation is listed by its source. */
    private static void runASchedule(DevTools page, String schedule) throws Exception {
        page.eval("location.hash = '#schedules'");
        String button = "document.querySelector('tr[data-schedule=\"" + schedule + "\"] button')";
        page.waitFor(button, 10);
        page.eval(button + ".click()");
        page.waitFor("document.querySelector('#run-result').textContent.includes('ran (200)')", 30);
        screenshot(page, "console-schedules.png");
        page.eval("location.hash = '#requests'");
        page.waitFor("[...document.querySelectorAll('#requests td.path')].some(td => td.textContent.startsWith('schedule:"
                + schedule + " -> '))", 10);
    }

    private static void screenshot(DevTools page, String name) throws Exception {
        String png = page.send("Page.captureScreenshot", Map.of("format", "png")).get("data").textValue();
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode(png));
    }

    private static HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
