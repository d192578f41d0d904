package io.atrium.local.usage;

/**
 * API Gateway's throttle: a bucket of {@code burst} tokens refilled at {@code rate} per second; a request
 * takes one token or is throttled. It starts full, so a quiet client may burst. Thread-safe.
 */
public final class TokenBucket {
    private final double rate;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.rate = ratePerSecond;
        this.capacity = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes a token: 0 when granted, else the nanoseconds until one is there. */
    public synchronized long take(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * rate / 1e9);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / rate * 1e9);
    }
}
