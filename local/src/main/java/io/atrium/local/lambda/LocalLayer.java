package io.atrium.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Lambda layer from its zip ({@code java/lib/*.jar}), unzipped to a temp directory; unzipped again when
 * the zip changes, so a rebuilt layer is picked up without a restart.
 */
public final class LocalLayer {

    private final String arn;
    private final Path zip;
    private final Path workDir;
    private long stamp = Long.MIN_VALUE;
    private List<URL> jars = List.of();
    private int generation;

    public LocalLayer(String arn, Path zip, Path workDir) {
        this.arn = arn;
        this.zip = zip;
        this.workDir = workDir;
    }

    public String arn() {
        return arn;
    }

    /** The layer's zip ({@code ContentUri}). */
    public Path zip() {
        return zip;
    }

    /** Changes whenever the zip is rewritten. */
    public long stamp() {
        return FunctionCode.stamp(zip);
    }

    /** The layer's jars as of now ({@code java/lib/*.jar}, then {@code java/*.jar}), unzipping when it changed. */
    public synchronized List<URL> jars() {
        long now = stamp();
        if (now == stamp) {
            return jars;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("layer " + arn + ": " + zip + " does not exist (build it: mvn package)");
        }
        Path dir = workDir.resolve("layer-" + Integer.toHexString(zip.toString().hashCode()) + "-" + (++generation));
        List<URL> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalStateException("layer " + zip + ": entry escapes the layer: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = z.getInputStream(e)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip layer " + zip + ": " + e.getMessage(), e);
        }
        for (String sub : List.of("java/lib", "java")) {
            Path libs = dir.resolve(sub);
            if (Files.isDirectory(libs)) {
                try (Stream<Path> files = Files.list(libs)) {
                    files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> out.add(url(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        Path classes = dir.resolve("java");
        if (out.isEmpty() && Files.isDirectory(classes)) {
            out.add(url(classes));
        }
        stamp = now;
        jars = List.copyOf(out);
        return jars;
    }

    static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
