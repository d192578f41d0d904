package io.atrium.local.lambda;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * SnapStart's lifecycle for one loaded function, as Lambda runs it (ADR 0016): CRaC's {@code beforeCheckpoint}
 * right after init (a snapshot is taken of every published version), {@code afterRestore} before the first
 * invocation. The function reaches the hooks through {@code org.crac}, which finds the local implementation
 * ({@link io.atrium.local.lambda.crac.Core}, its own copy per function loader) by the system property Lambda's
 * runtime also sets.
 */
public final class SnapshotHooks {
    static final String CRAC_PACKAGE = "io.atrium.local.lambda.crac";
    private static final String COMPAT_PROPERTY = "org.crac.Core.Compat";

    /** What has run for one loaded function: how many resources it registered, checkpoint, restore. */
    public record State(int resources, boolean checkpointed, boolean restored) {
    }

    private final Object globalContext;
    private final Method beforeCheckpoint;
    private final Method afterRestore;
    private final Method registered;
    private volatile boolean checkpointed;
    private volatile boolean restored;

    SnapshotHooks(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> core = loader.loadClass(CRAC_PACKAGE + ".Core");
        Class<?> context = loader.loadClass(CRAC_PACKAGE + ".Context");
        this.globalContext = core.getMethod("getGlobalContext").invoke(null);
        this.beforeCheckpoint = context.getMethod("beforeCheckpoint", context);
        this.afterRestore = context.getMethod("afterRestore", context);
        this.registered = core.getMethod("registered");
    }

    /** Points {@code org.crac} at the local implementation; before any function loads it (it reads this once). */
    static void install() {
        if (System.getProperty(COMPAT_PROPERTY) == null) {
            System.setProperty(COMPAT_PROPERTY, CRAC_PACKAGE);
        }
    }

    /** Runs the function's checkpoint hooks (on the init thread); a failure fails init, as it fails the publish. */
    void checkpoint() throws Exception {
        call(beforeCheckpoint);
        checkpointed = true;
    }

    /** Runs the restore hooks once, before the first invocation of this loaded function. */
    void restoreOnce() throws Exception {
        if (restored) {
            return;
        }
        synchronized (this) {
            if (!restored) {
                call(afterRestore);
                restored = true;
            }
        }
    }

    State state() {
        try {
            return new State((Integer) registered.invoke(null), checkpointed, restored);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the function's CRaC context cannot be read", e);
        }
    }

    private void call(Method hook) throws Exception {
        try {
            hook.invoke(globalContext, new Object[] {null});
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
