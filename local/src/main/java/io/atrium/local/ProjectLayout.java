package io.atrium.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the monorepo lives on disk, found from the working directory. */
public final class ProjectLayout {

    private ProjectLayout() {
    }

    /**
     * The repository root: the nearest directory at or above {@code user.dir} holding both
     * {@code shared/template.yaml} and {@code pom.xml}.
     *
     * @throws IllegalStateException when there is none (the message names where the search started)
     */
    public static Path root() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        return find(start).orElseThrow(() -> new IllegalStateException(
                "no repository root (a directory with shared/template.yaml and pom.xml) at or above " + start));
    }

    /** The repository root at or above {@code start}, if any. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("shared/template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /** {@code file} relative to the repository root when it lies under it (for messages), else as given. */
    public static String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Optional<Path> root = find(Path.of(System.getProperty("user.dir")));
        if (root.isPresent() && abs.startsWith(root.get())) {
            return root.get().relativize(abs).toString().replace('\\', '/');
        }
        return file.toString().replace('\\', '/');
    }
}
