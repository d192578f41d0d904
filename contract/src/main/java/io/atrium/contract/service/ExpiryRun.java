package io.atrium.contract.service;

import io.atrium.shared.domain.contract.ContractRepository;
import io.atrium.shared.domain.contract.EndedContract;
import io.atrium.shared.events.MessageQueue;
import io.atrium.shared.json.Json;
import io.atrium.shared.paging.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily expiry run (ADR 0302): every contract of every tenant that is ACTIVE with an end date before the
 * run's day, found page by page through the sparse {@code byEndDate} index (never a scan), goes to the expiry
 * queue, whose worker expires each one ({@link ContractService#expire}). A run can be repeated or replayed for
 * an earlier day: contracts already expired have left the index, and the worker's write is conditional.
 */
public final class ExpiryRun {
    /** Contracts read per index page (and sent per round of SendMessageBatch calls). */
    public static final int PAGE_SIZE = 100;

    private final ContractRepository contracts;
    private final MessageQueue queue;
    private final Clock clock;
    private final int pageSize;

    public ExpiryRun(ContractRepository contracts, MessageQueue queue, Clock clock, int pageSize) {
        this.contracts = contracts;
        this.queue = queue;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** What a run did: the day it ran for and how many contracts it queued. */
    public record Result(LocalDate asOf, int queued) {
    }

    /**
     * Queues the contracts due on {@code asOf} (default: today, UTC).
     * @throws IllegalArgumentException for a day after today: contracts may not expire early
     * @throws IllegalStateException when SQS would not take some messages (the run fails, so it is run again)
     */
    public Result run(Optional<LocalDate> asOf) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate day = asOf.orElse(today);
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("asOf " + day + " is after today (" + today + "); a run can only replay a day that has begun");
        }
        int queued = 0;
        Page<EndedContract> page = contracts.findEnded(day, pageSize, Map.of());
        while (true) {
            List<EndedContract> unsent = queue.send(page.items(), ended -> Json.write(DueContract.of(ended)));
            if (!unsent.isEmpty()) {
                throw new IllegalStateException(unsent.size() + " due contracts could not be queued (after " + queued + " were)");
            }
            queued += page.items().size();
            if (!page.hasMore()) {
                return new Result(day, queued);
            }
            page = contracts.findEnded(day, pageSize, page.lastKey());
        }
    }
}
