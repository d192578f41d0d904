package io.atrium.local.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The project's layout rule for main code, in every module: no method over {@value #MAX_METHOD_LINES} lines, no
 * source file over {@value #MAX_FILE_LINES} lines (counted as a reader sees them, signature, comments and blank
 * lines included).
 */
class CodeShapeTest {

    static final int MAX_METHOD_LINES = 60;
    static final int MAX_FILE_LINES = 600;

    @Test
    void noMainMethodOverTheLimit() {
        List<String> over = new ArrayList<>();
        for (Path file : mainSources()) {
            for (SourceShape.Method m : SourceShape.methods(read(file))) {
                if (m.lines() > MAX_METHOD_LINES) {
                    over.add(name(file) + ":" + m.line() + " " + m.name() + " has " + m.lines() + " lines");
                }
            }
        }
        assertEquals(List.of(), over, "methods over " + MAX_METHOD_LINES + " lines");
    }

    @Test
    void noMainFileOverTheLimit() {
        List<String> over = new ArrayList<>();
        for (Path file : mainSources()) {
            long lines = read(file).lines().count();
            if (lines > MAX_FILE_LINES) {
                over.add(name(file) + " has " + lines + " lines");
            }
        }
        assertEquals(List.of(), over, "files over " + MAX_FILE_LINES + " lines");
    }

    @Test
    void theCheckSeesEveryModule() {
        List<String> modules = mainSources().stream().map(f -> ProjectLayout.root().relativize(f).getName(0).toString())
                .distinct().toList();
        assertTrue(modules.containsAll(List.of("local", "shared", "authz", "partner", "contract", "transaction",
                "catalog", "order")), modules.toString());
    }

    @Test
    void theCheckMeasuresWhatAReaderSees() {
        StringBuilder longOne = new StringBuilder("    void longOne() {\n");
        for (int i = 0; i < 59; i++) {
            longOne.append("        work(\"}{\"); // }\n");
        }
        longOne.append("    }\n");
        String source = """
                package x;
                @SuppressWarnings({"a", "b"})
                public class A {
                    private static final Runnable R = new Runnable() {
                        public void run() { }
                    };
                    private final int[] xs = {1, 2};
                    /** Not code: { */
                    @Override
                    public String toString() {
                        return "{";
                    }
                    record Pair(int a, int b) {
                        Pair {
                            if (a > b) { throw new IllegalArgumentException(); }
                        }
                    }
                    static {
                        System.out.println('{');
                    }
                """ + longOne + "}\n";
        List<SourceShape.Method> methods = SourceShape.methods(source);
        assertEquals(List.of("toString", "Pair", "<initializer>", "longOne"),
                methods.stream().map(SourceShape.Method::name).toList());
        assertEquals(new SourceShape.Method("toString", 9, 4), methods.get(0), "annotation line to closing brace");
        assertEquals(3, methods.get(1).lines());
        assertEquals(61, methods.get(3).lines());
        assertFalse(methods.get(3).lines() <= MAX_METHOD_LINES, "a 61-line method is over the limit");
    }

    private static List<Path> mainSources() {
        Path root = ProjectLayout.root();
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> out = new ArrayList<>();
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path file) {
        return ProjectLayout.root().relativize(file).toString().replace('\\', '/');
    }
}
