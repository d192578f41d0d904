package io.atrium.local.lambda.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The local runtime's CRaC implementation, which {@code org.crac} finds through the system property
 * {@code org.crac.Core.Compat} as it finds Lambda's ({@code com.amazonaws.services.lambda.crac}). Every function
 * class loader defines its own copy of these classes, so each function has its own global context;
 * {@code io.atrium.local.lambda.SnapshotHooks} runs it: checkpoint after init, restore before the first
 * invocation. As in CRaC, checkpoint notifies in reverse order of registration, restore in order.
 * Only java.* may be used here: the copy lives in a loader whose parent is the platform loader.
 */
public final class Core {
    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /** Only SnapStart takes snapshots: a function cannot ask for one. */
    public static void checkpointRestore() {
        throw new UnsupportedOperationException("only SnapStart takes snapshots");
    }

    /** How many resources are registered (the local runtime reports it). */
    public static int registered() {
        return GLOBAL.resources.size();
    }

    private static final class Global extends Context<Resource> {
        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws CheckpointException {
            CheckpointException failed = new CheckpointException();
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).beforeCheckpoint(this);
                } catch (Exception e) {
                    failed.addSuppressed(e);
                }
            }
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        }

        @Override
        public synchronized void afterRestore(Context<? extends Resource> context) throws RestoreException {
            RestoreException failed = new RestoreException();
            for (Resource resource : new ArrayList<>(resources)) {
                try {
                    resource.afterRestore(this);
                } catch (Exception e) {
                    failed.addSuppressed(e);
                }
            }
            if (failed.getSuppressed().length > 0) {
                throw failed;
            }
        }
    }
}
