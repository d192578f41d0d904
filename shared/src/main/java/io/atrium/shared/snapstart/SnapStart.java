package io.atrium.shared.snapstart;

import io.atrium.shared.log.JsonLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The function's SnapStart hooks, registered once with CRaC (ADR 0016): before the snapshot every primer runs
 * (what a request touches is initialised, without side effects); after each restore every renewal runs (what
 * restored copies must not share). Lambda's runtime calls them, and so does the local runtime; elsewhere (tests)
 * CRaC has no implementation and nothing calls them. A failed step fails the hook, after every step has run: a
 * function that cannot read its tables at publish time fails its deploy instead of its requests.
 */
public final class SnapStart implements Resource {

    /** Held here: CRaC keeps registered resources only weakly. */
    private static final SnapStart HOOKS = new SnapStart();
    private static final JsonLog LOG = new JsonLog("snapstart");

    static {
        Core.getGlobalContext().register(HOOKS);
    }

    private final Set<Object> primedKeys = ConcurrentHashMap.newKeySet();
    private final List<Runnable> primers = new CopyOnWriteArrayList<>();
    private final List<Runnable> renewals = new CopyOnWriteArrayList<>();

    SnapStart() {
    }

    /** Runs {@code primer} before the snapshot, once per {@code key} (a handler class, a table name). */
    public static void prime(Object key, Runnable primer) {
        HOOKS.addPrimer(key, primer);
    }

    /** Runs {@code renewal} after every restore. */
    public static void renew(Runnable renewal) {
        HOOKS.addRenewal(renewal);
    }

    void addPrimer(Object key, Runnable primer) {
        if (primedKeys.add(key)) {
            primers.add(primer);
        }
    }

    void addRenewal(Runnable renewal) {
        renewals.add(renewal);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        runAll("beforeCheckpoint", primers);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        runAll("afterRestore", renewals);
    }

    /** Runs every step, logs one line, and then fails naming the steps that failed. */
    private static void runAll(String phase, List<Runnable> steps) {
        long started = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e.getClass().getName() + ": " + e.getMessage());
            }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("phase", phase);
        line.put("steps", steps.size());
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        if (failures.isEmpty()) {
            LOG.info(line);
            return;
        }
        line.put("failures", failures);
        LOG.error(line);
        throw new IllegalStateException(phase + " failed: " + failures);
    }
}
