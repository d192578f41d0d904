package io.atrium.local.runtime;

import io.atrium.local.Fixtures;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A repository-shaped folder for runtime tests, built from the fixture templates under
 * {@code src/test/resources/runtime}: the fixture functions (compiled test classes) as a jar per stack, and a
 * layer zip ({@code java/lib/*.jar}) with the libraries they use, taken from the test classpath.
 */
public final class FixtureRoot {

    private static Path root;

    private FixtureRoot() {
    }

    /** The fixture root with stacks shared, authz and alpha (built once per JVM). */
    public static synchronized Path get() {
        if (root == null) {
            root = build("fixture-root", List.of("shared", "authz", "alpha"));
        }
        return root;
    }

    /** A fresh root with the given fixture stacks. */
    public static Path build(String name, List<String> stacks) {
        try {
            Path dir = Path.of("target", name).toAbsolutePath();
            deleteTree(dir);
            for (String stack : stacks) {
                Path from = Fixtures.path("/runtime/" + stack);
                Path to = Files.createDirectories(dir.resolve(stack));
                for (String file : List.of("template.yaml", "samconfig.toml")) {
                    if (Files.exists(from.resolve(file))) {
                        Files.copy(from.resolve(file), to.resolve(file));
                    }
                }
                Files.createDirectories(to.resolve("target"));
                functionsJar(to.resolve("target/fixture-functions.jar"));
            }
            if (stacks.contains("shared")) {
                layerZip(dir.resolve("shared/target/fixture-layer.zip"));
            }
            if (stacks.contains("alpha")) {
                versionJar(dir, "v1");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code fx.Version} answering {@code version} into {@code alpha/target/version.jar}, as a rebuild would. */
    public static void versionJar(Path root, String version) throws IOException {
        Path src = Files.createTempDirectory("fx-version");
        Path source = Files.createDirectories(src.resolve("fx")).resolve("Version.java");
        Files.writeString(source, "package fx;\n"
                + "public class Version {\n"
                + "  private static final long LOADED = System.nanoTime();\n"
                + "  public java.util.Map<String, Object> handleRequest(java.util.Map<String, Object> event) {\n"
                + "    return java.util.Map.of(\"statusCode\", 200, \"body\", \"" + version + ":\" + LOADED);\n"
                + "  }\n"
                + "}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-d", src.toString(), source.toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed for the version fixture");
        }
        Path jar = root.resolve("alpha/target/version.jar");
        Path tmp = jar.resolveSibling("version.jar.tmp");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp))) {
            out.putNextEntry(new JarEntry("fx/Version.class"));
            out.write(Files.readAllBytes(src.resolve("fx/Version.class")));
            out.closeEntry();
        }
        long previous = Files.exists(jar) ? Files.getLastModifiedTime(jar).toMillis() : 0;
        Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // a rebuild within the same second must still look newer
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Math.max(System.currentTimeMillis(), previous + 2000)));
        deleteTree(src);
    }

    private static void functionsJar(Path jar) throws IOException {
        Path classes = Fixtures.path("/");
        Path fixtures = classes.resolve("io/atrium/local/fixture");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(fixtures)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
    }

    /** What the fixture functions need at run time, as the real layer carries it. */
    private static void layerZip(Path zip) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean sdk = entry.contains("software" + File.separator + "amazon" + File.separator + "awssdk")
                    && !name.startsWith("apache-client") && !name.startsWith("netty-nio-client")
                    && !name.startsWith("dynamodb-enhanced") && !name.startsWith("cognito") && !name.startsWith("pinpoint");
            boolean lib = name.startsWith("aws-lambda-java-") || name.startsWith("jackson-")
                    || name.startsWith("reactive-streams") || name.startsWith("slf4j-api") || name.startsWith("eventstream");
            if (name.endsWith(".jar") && (sdk || lib)) {
                jars.add(Path.of(entry));
            }
        }
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Path j : jars) {
                out.putNextEntry(new ZipEntry("java/lib/" + j.getFileName()));
                Files.copy(j, out);
                out.closeEntry();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
