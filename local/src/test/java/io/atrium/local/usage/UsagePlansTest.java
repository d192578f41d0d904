package io.atrium.local.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.atrium.local.junit.MutableClock;
import io.atrium.local.usage.UsagePlans.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UsagePlansTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-31T23:59:00Z"));
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final UsagePlans plans = new UsagePlans(clock, nanos::get);

    private void basic(long quota) {
        plans.apiKey("key-basic", "basic-value", true);
        plans.plan(new UsagePlans.Plan("plan-basic", List.of(new UsagePlans.ApiStage("api1", "v1")), 10, 20, quota, "MONTH"));
        plans.planKey("plan-basic", "key-basic");
    }

    private int allowed(int requests) {
        int ok = 0;
        for (int i = 0; i < requests; i++) {
            if (plans.consume("api1", "v1", "basic-value").outcome() == Outcome.ALLOWED) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    void aBurstGetsTheBurstLimitThenTheRate() {
        basic(0);
        assertEquals(20, allowed(40));
        UsagePlans.Decision throttled = plans.consume("api1", "v1", "basic-value");
        assertEquals(Outcome.THROTTLED, throttled.outcome());
        assertEquals(1, throttled.retryAfterSeconds());

        nanos.addAndGet(1_000_000_000L);
        assertEquals(10, allowed(40));
        nanos.addAndGet(500_000_000L);
        assertEquals(5, allowed(40));
        nanos.addAndGet(60_000_000_000L);
        assertEquals(20, allowed(40), "the bucket holds at most the burst");
    }

    @Test
    void theMonthlyQuotaIsCountedAndResetsWithTheMonth() {
        basic(25);
        assertEquals(20, allowed(20));
        nanos.addAndGet(10_000_000_000L);
        assertEquals(5, allowed(20));
        UsagePlans.Decision over = plans.consume("api1", "v1", "basic-value");
        assertEquals(Outcome.QUOTA_EXCEEDED, over.outcome());
        assertEquals(60, over.retryAfterSeconds(), "until the first of the next month, UTC");
        assertEquals(25, plans.used("plan-basic", "key-basic"));

        clock.now = Instant.parse("2026-04-01T00:00:01Z");
        nanos.addAndGet(10_000_000_000L);
        assertEquals(20, allowed(20));
    }

    @Test
    void aKeyOutsideEveryPlanOfTheStageIsForbidden() {
        basic(0);
        plans.apiKey("key-disabled", "disabled-value", false);
        plans.planKey("plan-basic", "key-disabled");

        assertEquals(Outcome.FORBIDDEN, plans.consume("api1", "v1", null).outcome());
        assertEquals(Outcome.FORBIDDEN, plans.consume("api1", "v1", "unknown-value").outcome());
        assertEquals(Outcome.FORBIDDEN, plans.consume("api1", "v1", "disabled-value").outcome());
        assertEquals(Outcome.FORBIDDEN, plans.consume("api2", "v1", "basic-value").outcome());
    }
}
