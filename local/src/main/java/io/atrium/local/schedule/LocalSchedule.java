package io.atrium.local.schedule;

import io.atrium.local.lambda.EventInvoker;
import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.stack.EventSource;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One schedule with a Lambda target (an {@code AWS::Scheduler::Schedule}, or a function's {@code Schedule} /
 * {@code ScheduleV2} event): fires on time while the runtime runs, when enabled and between its start and end
 * dates, and fires now on {@link #fire} (the schedules URL of endpoints.json), also when disabled. A run invokes
 * the function with the schedule's input; a failed run is logged (Lambda's asynchronous retries are not
 * emulated, ADR 0105).
 */
public final class LocalSchedule implements EventSource {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "schedules"));
    private static final ExecutorService RUNS = Executors.newCachedThreadPool(r -> daemon(r, "schedule-run"));

    /**
     * What the template declares.
     *
     * @param key {@code stack/LogicalId}, the name in endpoints.json
     * @param input the target's input (JSON text), or null for EventBridge's scheduled-event notification
     * @param scheduler an EventBridge Scheduler schedule (else an EventBridge rule)
     */
    public record Definition(String key, String arn, ScheduleExpression expression, boolean enabled,
            ZonedDateTime startDate, ZonedDateTime endDate, String input, boolean scheduler) {
    }

    /** What a schedule invokes: a function (a stand-in in tests of the timing). */
    public interface Target {
        String name();

        LocalFunction.Result invoke(Object event, String requestId);

        /** The function {@code invoker} invokes, each run recorded for the console (a failed run: status 500). */
        static Target of(EventInvoker invoker) {
            return new Target() {
                @Override
                public String name() {
                    return invoker.function().name();
                }

                @Override
                public LocalFunction.Result invoke(Object event, String requestId) {
                    return invoker.invoke(event, requestId, result -> !result.ok());
                }
            };
        }
    }

    /** The outcome of one run: what the function got and what it answered. */
    public record Run(Object input, LocalFunction.Result result) {
    }

    private final Definition definition;
    private final Target target;
    private final PrintStream log;
    private final ZonedDateTime createdAt = ZonedDateTime.now(ZoneOffset.UTC);
    private ScheduledFuture<?> next;
    private boolean closed;

    public LocalSchedule(Definition definition, Target target, PrintStream log) {
        this.definition = definition;
        this.target = target;
        this.log = log;
    }

    @Override
    public String name() {
        return definition.key() + " " + definition.expression() + " -> " + target.name();
    }

    public Definition definition() {
        return definition;
    }

    /** The target function's name. */
    public String targetName() {
        return target.name();
    }

    @Override
    public synchronized void start() {
        if (definition.enabled()) {
            scheduleAfter(ZonedDateTime.now(ZoneOffset.UTC));
        }
    }

    /** The next run after {@code after} within the start and end dates, if any. */
    Optional<ZonedDateTime> nextRun(ZonedDateTime after) {
        ZonedDateTime from = definition.startDate() != null && definition.startDate().isAfter(after)
                ? definition.startDate().minusNanos(1) : after;
        return definition.expression().next(from, createdAt)
                .filter(t -> definition.endDate() == null || !t.isAfter(definition.endDate()));
    }

    private synchronized void scheduleAfter(ZonedDateTime after) {
        if (closed) {
            return;
        }
        nextRun(after).ifPresent(at -> {
            long delay = Math.max(0, Duration.between(ZonedDateTime.now(ZoneOffset.UTC), at).toMillis());
            next = TIMER.schedule(() -> RUNS.execute(() -> onTime(at)), delay, TimeUnit.MILLISECONDS);
        });
    }

    private void onTime(ZonedDateTime at) {
        scheduleAfter(at);
        Run run = fire(null, at);
        if (!run.result().ok()) {
            log.printf("schedule %s: %s failed: %s %s%n", definition.key(), target.name(), run.result().errorType(),
                    run.result().errorMessage());
        }
    }

    /**
     * Runs the target now and waits for it.
     *
     * @param input replaces the schedule's input when not null (JSON text)
     * @throws IllegalArgumentException when the input is not JSON
     */
    public Run fire(String input, ZonedDateTime scheduledTime) {
        Object event = input != null ? ScheduleInput.parse(input)
                : ScheduleInput.of(definition.input(), definition.arn(), definition.scheduler(), scheduledTime);
        return new Run(event, target.invoke(event, UUID.randomUUID().toString()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
