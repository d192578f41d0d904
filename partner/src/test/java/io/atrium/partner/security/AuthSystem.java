package io.atrium.partner.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.LocalRuntime;
import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.junit.ApiClients;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The shared, authz and partner stacks running locally, and what a client does with them over HTTP: tokens and
 * onboarding through {@link ApiClients}, calls to the partner API. Also keeps every line the functions print, so
 * tests can look for security events.
 */
final class AuthSystem {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ConcurrentLinkedQueue<String> LOG_LINES = new ConcurrentLinkedQueue<>();

    /** One runtime for every security test class of this module. */
    static LocalSystemExtension extension() {
        return LocalSystemExtension.of("partner-security", () -> {
            captureStdout();
            return new LocalRuntime.Options().templates(List.of(Path.of("shared/template.yaml"),
                    Path.of("authz/template.yaml"), Path.of("partner/template.yaml")));
        });
    }

    private final LocalRuntime runtime;
    /** Tokens and onboarding, as a client does them (the local runtime's JUnit support). */
    final ApiClients clients;

    AuthSystem(LocalRuntime runtime) {
        this.runtime = runtime;
        this.clients = new ApiClients(LocalSystem.of(runtime));
    }

    CognitoEmulator cognito() {
        return runtime.registry().cognito();
    }

    URI partners() {
        return URI.create(runtime.baseUrl("partner") + "/partners");
    }

    static HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** Log lines printed since the runtime started that contain every one of {@code parts}. */
    static List<String> logLinesWith(String... parts) {
        List<String> out = new ArrayList<>();
        for (String line : LOG_LINES) {
            boolean all = true;
            for (String p : parts) {
                all &= line.contains(p);
            }
            if (all) {
                out.add(line);
            }
        }
        return out;
    }

    /** Functions print JSON lines to System.out; keep a copy of each (before any function loads). */
    private static synchronized void captureStdout() {
        if (System.out instanceof Tee) {
            return;
        }
        System.setOut(new Tee(System.out));
    }

    private static final class Tee extends PrintStream {
        Tee(PrintStream original) {
            super(new OutputStream() {
                private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) {
                    original.write(b);
                    if (b == '\n') {
                        LOG_LINES.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }, true, StandardCharsets.UTF_8);
        }
    }
}
