package io.atrium.local.runtime;

import io.atrium.local.LocalRuntime;
import io.atrium.local.junit.LocalSystemExtension;
import java.time.Duration;
import java.util.List;

/**
 * The runtime of the fixture stacks {@code shared} and {@code events} (src/test/resources/runtime/events): a queue
 * with its DLQ and worker, schedules; visibility timeouts cut to 2 s. Test classes registering it share one runtime.
 */
final class EventsRoot {

    private EventsRoot() {
    }

    static LocalSystemExtension extension() {
        return LocalSystemExtension.of("events-root",
                () -> new LocalRuntime.Options().root(FixtureRoot.build("events-root", List.of("shared", "events")))
                        .maxVisibilityTimeout(Duration.ofSeconds(2)));
    }
}
