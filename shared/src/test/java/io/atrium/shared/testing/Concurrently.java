package io.atrium.shared.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many callers at the same moment: calls wait on one latch on a fixed pool and are released together. */
public final class Concurrently implements AutoCloseable {
    /** How long one call may take before the test fails instead of hanging. */
    private static final long CALL_TIMEOUT_SECONDS = 60;

    private final ExecutorService pool;

    public Concurrently(int threads) {
        pool = Executors.newFixedThreadPool(threads);
    }

    /** Runs every call at once and returns their answers in submission order. */
    public <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<T> future : futures) {
            answers.add(future.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        return answers;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
