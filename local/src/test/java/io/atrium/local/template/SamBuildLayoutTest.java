package io.atrium.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `sam build` in a module folder (ADR 0504): SAM CLI takes a function as built only when its CodeUri is a .zip, and
 * rewrites relative paths only under Resources, so every function names one of the module's Maven-built zips itself
 * ({@code target/{module}.zip}, or {@code target/{module}-{name}.zip} such as the authorizer's, ADR 0014) and Globals
 * names none.
 */
class SamBuildLayoutTest {

    @Test
    void everyFunctionNamesTheModulesBuiltZipAndGlobalsNamesNone() {
        List<String> problems = new ArrayList<>();
        int functions = 0;
        for (Path file : stackTemplates()) {
            Template template = Template.read(file);
            String module = file.getParent().getFileName().toString();
            Node globals = template.root().get("Globals");
            Node function = globals == null ? null : globals.asMap().get("Function");
            if (function != null && function.asMap().has("CodeUri")) {
                problems.add(template.name() + ": Globals.Function.CodeUri (sam build leaves it unrewritten)");
            }
            for (var e : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
                functions++;
                String id = e.getKey();
                Node codeUri = Template.properties(e.getValue()).get("CodeUri");
                String expected = "target/" + module + "(-[a-z]+)?\\.zip";
                if (codeUri == null || !codeUri.asText().matches(expected)) {
                    problems.add(template.name() + ": " + id + " CodeUri is "
                            + (codeUri == null ? "missing" : codeUri.asText()) + ", not " + expected);
                }
            }
        }
        assertTrue(functions >= 30, "the stack templates were not found or lost their functions: " + functions);
        assertEquals(List.of(), problems);
    }

    private static List<Path> stackTemplates() {
        try (Stream<Path> dirs = Files.list(ProjectLayout.root())) {
            return dirs.map(d -> d.resolve("template.yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
