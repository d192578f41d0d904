package io.atrium.local.observe;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Hands every line a function prints to the request it prints for. Functions share the JVM's {@code System.out}
 * and {@code System.err} (as Lambda ships both to the function's log); once installed, both still reach the
 * terminal, and a thread running an invocation ({@link #capturing}) also hands each complete line to its sink.
 */
public final class LogCapture {
    private static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();
    private static final ThreadLocal<ByteArrayOutputStream> PENDING = ThreadLocal.withInitial(ByteArrayOutputStream::new);
    private static boolean installed;

    private LogCapture() {
    }

    /** Routes {@code System.out} and {@code System.err} through the capture (once per JVM). */
    public static synchronized void install() {
        if (!installed) {
            System.setOut(new PrintStream(new Tee(System.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(System.err), true, StandardCharsets.UTF_8));
            installed = true;
        }
    }

    /** Runs {@code work} on this thread with every line it prints also handed to {@code sink}. */
    public static <T> T capturing(Consumer<String> sink, Callable<T> work) throws Exception {
        Consumer<String> outer = SINK.get();
        SINK.set(sink);
        try {
            return work.call();
        } finally {
            ByteArrayOutputStream rest = PENDING.get();
            if (rest.size() > 0) {
                sink.accept(rest.toString(StandardCharsets.UTF_8));
                rest.reset();
            }
            SINK.set(outer);
        }
    }

    private static final class Tee extends OutputStream {
        private final PrintStream terminal;

        Tee(PrintStream terminal) {
            this.terminal = terminal;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            terminal.write(bytes, off, len);
            Consumer<String> sink = SINK.get();
            if (sink == null) {
                return;
            }
            ByteArrayOutputStream pending = PENDING.get();
            for (int i = off; i < off + len; i++) {
                if (bytes[i] == '\n') {
                    sink.accept(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else if (bytes[i] != '\r') {
                    pending.write(bytes[i]);
                }
            }
        }

        @Override
        public void flush() {
            terminal.flush();
        }
    }
}
