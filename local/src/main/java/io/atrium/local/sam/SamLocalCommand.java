package io.atrium.local.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/sam-local}'s generator: {@code --root DIR --endpoints FILE [--out DIR] module...} writes
 * {@code <out>/<module>/template.yaml} for each module from the running local runtime's endpoints.json and prints
 * each path. Exit 1 with a message when the runtime does not run the module.
 */
public final class SamLocalCommand {

    private SamLocalCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(".");
        Path endpoints = null;
        Path out = null;
        List<String> modules = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--endpoints" -> endpoints = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> modules.add(args[i]);
            }
        }
        endpoints = endpoints != null ? endpoints : root.resolve(".local/endpoints.json");
        out = out != null ? out : root.resolve(".local/sam");
        if (modules.isEmpty() || !Files.isRegularFile(endpoints)) {
            System.err.println(modules.isEmpty() ? "sam-local: name a module (e.g. partner)"
                    : "sam-local: " + endpoints + " not found: start scripts/local first");
            System.exit(2);
        }
        JsonNode json = new ObjectMapper().readTree(endpoints.toFile());
        try {
            for (String module : modules) {
                System.out.println(SamLocalTemplate.write(root, module, json, out));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("sam-local: " + e.getMessage());
            System.exit(1);
        }
    }
}
