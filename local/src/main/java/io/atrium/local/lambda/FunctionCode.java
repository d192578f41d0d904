package io.atrium.local.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** A function's code: a jar (copied before loading, so a rebuild never changes a loaded jar) or a classes directory. */
final class FunctionCode {

    private FunctionCode() {
    }

    /** A value that changes when the file is rewritten: modification time and size. */
    static long stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() * 31 + a.size() + (a.isDirectory() ? 7 : 0);
        } catch (IOException e) {
            return -1;
        }
    }

    /** A private copy of the jar for one generation of the function. */
    static Path snapshot(Path jar, Path workDir, String functionName, int generation) throws IOException {
        if (Files.isDirectory(jar)) {
            return jar;
        }
        Path copy = workDir.resolve("fn-" + functionName + "-" + generation + ".jar");
        Files.createDirectories(workDir);
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }
}
