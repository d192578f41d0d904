package io.atrium.local.cli;

import io.atrium.local.LocalRuntime;
import io.atrium.local.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/local}: {@code java io.atrium.local.cli.LocalCommand [--root DIR] [--base-port N] [--persist DIR]
 * [--no-warm-up] [--endpoints FILE] [--stop-after-start]} starts every stack ({@link LocalRuntime}), prints the table of base URLs and
 * routes, writes {@code .local/endpoints.json}, and runs until Ctrl-C.
 */
public final class LocalCommand {

    private LocalCommand() {
    }

    /**
     * The command line, read.
     *
     * @param stopAfterStart start every stack, then stop at once: the training run of the class-data archive
     *                       {@code scripts/local} builds (ADR 0109); writes no endpoints file
     */
    private record Arguments(LocalRuntime.Options options, Path endpoints, boolean stopAfterStart) {
    }

    public static void main(String[] args) throws InterruptedException {
        System.setErr(new QuietStandardError(System.err));
        Arguments arguments = parse(args);
        if (arguments == null) {
            return;
        }
        LocalRuntime runtime;
        try {
            runtime = LocalRuntime.start(arguments.options());
        } catch (TemplateException | IllegalStateException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (arguments.stopAfterStart()) {
            runtime.close();
            System.exit(0); // threads of the embedded servers would keep the JVM alive
            return;
        }
        Path endpointsFile = runtime.writeEndpoints(arguments.endpoints() != null ? arguments.endpoints()
                : runtime.root().resolve(".local/endpoints.json"));
        runtime.printSummary(System.out);
        System.out.println("endpoints: " + endpointsFile + "   (Ctrl-C stops)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            try {
                Files.deleteIfExists(endpointsFile);
            } catch (IOException ignored) {
                // stale file, harmless
            }
            stopped.countDown();
        }, "local-runtime-stop"));
        stopped.await();
    }

    /** The options, or null after {@code --help}; exits with 2 on a wrong option. */
    private static Arguments parse(String[] args) {
        LocalRuntime.Options options = new LocalRuntime.Options().basePort(LocalRuntime.DEFAULT_BASE_PORT).log(System.out);
        Path endpoints = null;
        boolean stopAfterStart = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--endpoints" -> endpoints = Path.of(value(args, ++i, a));
                case "--root" -> options.root(Path.of(value(args, ++i, a)));
                case "--base-port" -> options.basePort(Integer.parseInt(value(args, ++i, a)));
                case "--persist" -> options.persistDir(Path.of(value(args, ++i, a)));
                case "--no-warm-up" -> options.warmUp(false);
                case "--stop-after-start" -> stopAfterStart = true;
                case "-h", "--help" -> {
                    System.out.println("usage: scripts/local [--base-port N (default " + LocalRuntime.DEFAULT_BASE_PORT
                            + ": DynamoDB Local on N, APIs on N+1...)] [--persist DIR] [--root DIR] [--no-warm-up]"
                            + " [--endpoints FILE (default .local/endpoints.json)] [--stop-after-start]");
                    return null;
                }
                default -> {
                    System.err.println("unknown option " + a + " (try --help)");
                    System.exit(2);
                }
            }
        }
        return new Arguments(options, endpoints, stopAfterStart);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
