package io.atrium.local.usage;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The account's API keys and usage plans as API Gateway applies them to a stage whose methods require an
 * API key: the key (for {@code ApiKeySourceType: AUTHORIZER} the authorizer's {@code usageIdentifierKey})
 * must be an enabled key in a usage plan of that stage (else 403); each (plan, key) has a token bucket with
 * the plan's rate and burst (429 Too Many Requests) and a request counter per quota period (429 Limit
 * Exceeded). Counters live in memory: a restart starts a new period. Thread-safe.
 */
public final class UsagePlans {

    /** A stage a plan covers. */
    public record ApiStage(String apiId, String stage) {
    }

    /**
     * One {@code AWS::ApiGateway::UsagePlan}.
     *
     * @param rate   requests per second, or 0 for no throttle
     * @param quota  requests per period, or 0 for no quota
     * @param period DAY, WEEK or MONTH
     */
    public record Plan(String id, List<ApiStage> stages, double rate, int burst, long quota, String period) {
        public Plan {
            stages = List.copyOf(stages);
            if (quota > 0 && !List.of("DAY", "WEEK", "MONTH").contains(period)) {
                throw new IllegalArgumentException("quota period must be DAY, WEEK or MONTH, got " + period);
            }
        }
    }

    public enum Outcome { ALLOWED, FORBIDDEN, THROTTLED, QUOTA_EXCEEDED }

    /** The answer for one request; {@code retryAfterSeconds} for the 429s. */
    public record Decision(Outcome outcome, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(Outcome.ALLOWED, 0);
        static final Decision FORBIDDEN = new Decision(Outcome.FORBIDDEN, 0);
    }

    private record Key(String id, String value, boolean enabled) {
    }

    private record Meter(TokenBucket bucket, AtomicLong used, Instant[] periodEnd) {
    }

    private final Map<String, Key> keysById = new ConcurrentHashMap<>();
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, List<String>> keysOfPlan = new ConcurrentHashMap<>();
    private final Map<String, Meter> meters = new ConcurrentHashMap<>();
    private final Clock clock;
    private final LongSupplier nanos;

    public UsagePlans() {
        this(Clock.systemUTC(), System::nanoTime);
    }

    public UsagePlans(Clock clock, LongSupplier nanos) {
        this.clock = clock;
        this.nanos = nanos;
    }

    public void apiKey(String id, String value, boolean enabled) {
        keysById.put(Objects.requireNonNull(id), new Key(id, Objects.requireNonNull(value), enabled));
    }

    public void plan(Plan plan) {
        plans.put(plan.id(), plan);
    }

    public synchronized void planKey(String planId, String keyId) {
        List<String> keys = new ArrayList<>(keysOfPlan.getOrDefault(planId, List.of()));
        keys.add(keyId);
        keysOfPlan.put(planId, List.copyOf(keys));
    }

    /** True when some plan covers this stage (only then does the runtime meter it). */
    public boolean covers(String apiId, String stage) {
        ApiStage target = new ApiStage(apiId, stage);
        return plans.values().stream().anyMatch(p -> p.stages().contains(target));
    }

    /** Meters one request to {@code apiId/stage} made with the API key {@code keyValue} (null: none). */
    public Decision consume(String apiId, String stage, String keyValue) {
        if (keyValue == null || keyValue.isEmpty()) {
            return Decision.FORBIDDEN;
        }
        ApiStage target = new ApiStage(apiId, stage);
        for (Plan plan : plans.values()) {
            if (!plan.stages().contains(target)) {
                continue;
            }
            for (String keyId : keysOfPlan.getOrDefault(plan.id(), List.of())) {
                Key key = keysById.get(keyId);
                if (key != null && key.enabled() && key.value().equals(keyValue)) {
                    return meter(plan, key);
                }
            }
        }
        return Decision.FORBIDDEN;
    }

    private Decision meter(Plan plan, Key key) {
        long now = nanos.getAsLong();
        Meter meter = meters.computeIfAbsent(plan.id() + "\n" + key.id(), k -> new Meter(
                plan.rate() > 0 ? new TokenBucket(plan.rate(), Math.max(1, plan.burst()), now) : null,
                new AtomicLong(), new Instant[] {periodEnd(plan.period(), clock.instant())}));
        synchronized (meter) {
            // an exhausted quota refuses before the bucket, so refusals do not eat the rate as well
            Instant instant = clock.instant();
            if (plan.quota() > 0) {
                if (!instant.isBefore(meter.periodEnd()[0])) {
                    meter.periodEnd()[0] = periodEnd(plan.period(), instant);
                    meter.used().set(0);
                }
                if (meter.used().get() >= plan.quota()) {
                    long seconds = Math.max(1, meter.periodEnd()[0].getEpochSecond() - instant.getEpochSecond());
                    return new Decision(Outcome.QUOTA_EXCEEDED, seconds);
                }
            }
            if (meter.bucket() != null) {
                long wait = meter.bucket().take(now);
                if (wait > 0) {
                    return new Decision(Outcome.THROTTLED, Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
                }
            }
            meter.used().incrementAndGet();
        }
        return Decision.ALLOWED;
    }

    /** Requests counted against the quota of (plan, key) in the current period. */
    public long used(String planId, String keyId) {
        Meter meter = meters.get(planId + "\n" + keyId);
        return meter == null ? 0 : meter.used().get();
    }

    /** Where a quota period that contains {@code now} ends (UTC calendar day, ISO week, month). */
    static Instant periodEnd(String period, Instant now) {
        LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = switch (period == null ? "MONTH" : period) {
            case "DAY" -> day.plusDays(1);
            case "WEEK" -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            default -> day.with(TemporalAdjusters.firstDayOfNextMonth());
        };
        return next.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
