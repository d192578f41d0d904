package io.atrium.local.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** One throughput run: {@code concurrency} keep-alive connections sending the requests in turn for a fixed time. */
final class LoadRun {

    private final URI base;
    private final List<byte[]> requests;
    private final int concurrency;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLongArray statuses = new AtomicLongArray(600);
    private final long[][] samples;
    private final int[] counts;
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long end;

    private LoadRun(URI base, List<byte[]> requests, int concurrency) {
        this.base = base;
        this.requests = requests;
        this.concurrency = concurrency;
        this.samples = new long[concurrency][200_000];
        this.counts = new int[concurrency];
        this.ready = new CountDownLatch(concurrency);
    }

    /** {requests per second, p99 ms, non-200 count} for {@code concurrency} connections over {@code seconds}. */
    static double[] run(URI base, List<byte[]> requests, int concurrency, int seconds) throws Exception {
        return new LoadRun(base, requests, concurrency).measure(seconds);
    }

    private double[] measure(int seconds) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread t = new Thread(() -> work(worker), "bench-" + w);
            threads.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        end = start + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        reportStatuses();
        long[] all = sortedSamples();
        return new double[] {done.get() / elapsed, all.length == 0 ? 0 : LocalBench.pct(all, 0.99), failed.get()};
    }

    private void work(int worker) {
        try (LoadClient c = new LoadClient(base)) {
            ready.countDown();
            go.await();
            int i = worker;
            while (System.nanoTime() < end) {
                long s = System.nanoTime();
                int status = c.send(requests.get(i++ % requests.size()));
                long d = System.nanoTime() - s;
                if (counts[worker] < samples[worker].length) {
                    samples[worker][counts[worker]++] = d;
                }
                done.incrementAndGet();
                if (status != 200) {
                    failed.incrementAndGet();
                    statuses.incrementAndGet(Math.min(599, Math.max(0, status)));
                }
            }
        } catch (Exception e) {
            failed.incrementAndGet();
            System.err.println("load worker failed: " + e);
        }
    }

    private long[] sortedSamples() {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(samples[w], 0, all, k, counts[w]);
            k += counts[w];
        }
        Arrays.sort(all);
        return all;
    }

    private void reportStatuses() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            if (statuses.get(i) > 0) {
                codes.append(' ').append(i).append('x').append(statuses.get(i));
            }
        }
        if (codes.length() > 0) {
            System.err.println("concurrency " + concurrency + ": non-200 answers by status:" + codes);
        }
    }
}
