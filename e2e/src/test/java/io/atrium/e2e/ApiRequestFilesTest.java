package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.ProjectLayout;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** docs/http/*.http are what scripts/api-requests makes of the stacks' OpenAPI documents now (python3 needed). */
class ApiRequestFilesTest {

    @Test
    void theRequestFilesAreCurrent() throws Exception {
        Process process = new ProcessBuilder("python3", "scripts/api-requests", "--check")
                .directory(ProjectLayout.root().toFile()).redirectErrorStream(true).start();
        String out;
        try (var in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "scripts/api-requests --check timed out");
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("api-requests: 6 files current"), out);
    }
}
