package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.LocalRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A module's jar older than its compiled classes (an incremental build before `package`) is not run. */
class StaleJarTest {

    @Test
    void classesCompiledAfterTheJarWereWrittenAreWhatRuns() throws Exception {
        Path root = FixtureRoot.build("fixture-stale", List.of("shared", "authz", "alpha"));
        Path jar = root.resolve("alpha/target/version.jar");
        FixtureRoot.versionJar(root, "from-classes");
        Path classes = Files.createDirectories(root.resolve("alpha/target/classes"));
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Files.createDirectories(classes.resolve("fx"));
            Files.copy(fs.getPath("fx/Version.class"), classes.resolve("fx/Version.class"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        FixtureRoot.versionJar(root, "stale-jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        try (LocalRuntime runtime = LocalRuntime.start(new LocalRuntime.Options().root(root).warmUp(false).basePort(0)
                .tablePrefix("st" + UUID.randomUUID().toString().substring(0, 6) + "-"))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(runtime.baseUrl("alpha") + "/version")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().startsWith("from-classes:"), r.body());
        }
    }
}
