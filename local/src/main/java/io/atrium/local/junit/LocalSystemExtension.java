package io.atrium.local.junit;

import io.atrium.local.LocalRuntime;
import io.atrium.local.ProjectLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that boots the local runtime in-process (once per JVM and configuration; stopped when the
 * test run ends) and injects {@link LocalSystem} (or {@link LocalRuntime}) parameters. Use it through
 * {@link LocalSystemTest}, or register it with options built in code:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LocalSystemExtension SYSTEM = LocalSystemExtension.of("fixtures",
 *         () -&gt; new LocalRuntime.Options().root(path));
 * </pre>
 *
 * Ports are free ones; tables live in the JVM's shared DynamoDB Local under a prefix unique to the runtime. The test
 * class must be {@link EndToEnd} ({@link LocalSystemTest} is).
 */
public final class LocalSystemExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalSystemExtension.class);

    private final String key;
    private final Supplier<LocalRuntime.Options> options;

    /** For {@link LocalSystemTest}: configuration from the annotation. */
    public LocalSystemExtension() {
        this.key = null;
        this.options = null;
    }

    private LocalSystemExtension(String key, Supplier<LocalRuntime.Options> options) {
        this.key = key;
        this.options = options;
    }

    /**
     * An extension starting the runtime from {@code options} (root, templates, ...; the port and table prefix are
     * set by the extension). Extensions with the same {@code key} share one runtime.
     */
    public static LocalSystemExtension of(String key, Supplier<LocalRuntime.Options> options) {
        return new LocalSystemExtension(Objects.requireNonNull(key), Objects.requireNonNull(options));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        runtime(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalSystem.class || type == LocalRuntime.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalRuntime runtime = runtime(context);
        if (parameter.getParameter().getType() == LocalRuntime.class) {
            return runtime;
        }
        return LocalSystem.of(runtime);
    }

    /** The runtime of this extension's configuration, started on first use. */
    public LocalRuntime runtime(ExtensionContext context) {
        requireEndToEndTier(context);
        String storeKey;
        Supplier<LocalRuntime.Options> supplier;
        if (key != null) {
            storeKey = "options:" + key;
            supplier = options;
        } else {
            LocalSystemTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), LocalSystemTest.class)
                    .orElseThrow(() -> new ExtensionConfigurationException(
                            "LocalSystemExtension needs @LocalSystemTest on " + context.getRequiredTestClass().getName()
                                    + " or registration through LocalSystemExtension.of(...)"));
            Path root = config.root().isEmpty() ? ProjectLayout.root()
                    : Path.of(System.getProperty("user.dir")).resolve(config.root()).toAbsolutePath().normalize();
            List<Path> templates = new ArrayList<>();
            Arrays.stream(config.templates()).forEach(t -> templates.add(root.resolve(t)));
            storeKey = "annotation:" + root + ":" + templates + ":" + config.warmUp();
            supplier = () -> {
                LocalRuntime.Options o = new LocalRuntime.Options().root(root).warmUp(config.warmUp());
                return templates.isEmpty() ? o : o.templates(templates);
            };
        }
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Running running = store.getOrComputeIfAbsent(storeKey, k -> {
            LocalRuntime.Options o = supplier.get()
                    .basePort(0)
                    .tablePrefix("t" + UUID.randomUUID().toString().substring(0, 6) + "-");
            return new Running(LocalRuntime.start(o));
        }, Running.class);
        return running.runtime;
    }

    /** A runtime runs the stacks' packaged code: only the end-to-end tier runs after {@code package}. */
    private static void requireEndToEndTier(ExtensionContext context) {
        if (!context.getTags().contains(EndToEnd.TAG)) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                    + " starts the local runtime: annotate it @EndToEnd (io.atrium.local.junit) so that it runs in the"
                    + " end-to-end tier (mvn verify), after the stacks it runs are packaged");
        }
    }

    /** Stopped by JUnit when the root context closes, at the end of the run. */
    private record Running(LocalRuntime runtime) implements AutoCloseable {
        @Override
        public void close() {
            runtime.close();
        }
    }
}
