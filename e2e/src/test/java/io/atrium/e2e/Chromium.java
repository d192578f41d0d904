package io.atrium.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium for browser tests, driven over the Chrome DevTools Protocol ({@link DevTools}). Found on the
 * PATH (chromium, chromium-browser, google-chrome) or at {@code $CHROMIUM}; when there is none the test fails
 * saying how to install it ({@code .ci/run} does), it never skips.
 */
final class Chromium implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private final Process process;
    private final Path profile;
    private final String browserWebSocket;

    private Chromium(Process process, Path profile, String browserWebSocket) {
        this.process = process;
        this.profile = profile;
        this.browserWebSocket = browserWebSocket;
    }

    static Chromium launch() throws IOException {
        Path binary = find();
        Path profile = Files.createTempDirectory("atrium-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-port=0", "--window-size=1400,900",
                "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> devToolsUrl(process));
        try {
            return new Chromium(process, profile, url.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(binary + " did not start its DevTools endpoint within 30 s: " + e, e);
        }
    }

    /** The ws:// URL of the browser target (its host and port also serve {@code /json}). */
    String browserWebSocket() {
        return browserWebSocket;
    }

    private static String devToolsUrl(Process process) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                    drain.setDaemon(true);
                    drain.start();
                    return m.group(1);
                }
            }
            throw new IllegalStateException("chromium exited before its DevTools endpoint listened");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("No Chromium found (looked for " + NAMES + " on the PATH and $CHROMIUM). The console's "
                + "browser test needs one: apt-get install chromium (.ci/run installs it).");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp profile left behind is harmless
        }
    }
}
