package io.atrium.local.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard error without SLF4J's three-line "no binding" notice, which every function whose layer carries
 * slf4j-api (the AWS SDK's) would print at its first call: noise in a terminal running forty functions.
 */
final class QuietStandardError extends PrintStream {
    private final StringBuilder line = new StringBuilder();
    private final PrintStream target;

    QuietStandardError(PrintStream target) {
        super(target, true);
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine(true);
        } else {
            line.append((char) b);
        }
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        String text = new String(buf, off, len, StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line.append(text, start, i);
                flushLine(true);
                start = i + 1;
            }
        }
        line.append(text, start, text.length());
    }

    @Override
    public synchronized void flush() {
        if (line.length() > 0 && !line.toString().startsWith("SLF4J: ")) {
            flushLine(false);
        }
        target.flush();
    }

    private void flushLine(boolean newline) {
        String l = line.toString();
        line.setLength(0);
        if (newline && (l.startsWith("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\"")
                || l.startsWith("SLF4J: Defaulting to no-operation (NOP) logger implementation")
                || l.startsWith("SLF4J: See http://www.slf4j.org/codes.html#StaticLoggerBinder"))) {
            return;
        }
        target.print(newline ? l + "\n" : l);
        target.flush();
    }
}
