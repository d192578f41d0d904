package io.atrium.local.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.atrium.local.LocalRuntime;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** A test class that starts the local runtime is in the end-to-end tier, or it does not start it. */
class EndToEndTierTest {

    @Test
    void localSystemTestPutsItsClassInTheEndToEndTier() {
        List<String> tags = AnnotationSupport.findRepeatableAnnotations(Annotated.class, Tag.class).stream()
                .map(Tag::value).toList();
        assertEquals(List.of(EndToEnd.TAG), tags);
    }

    @Test
    void extensionRegisteredInAClassOutsideTheTierRefusesToStart() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Untagged.class)).execute()
                .containerEvents().failed().list();
        assertEquals(1, failures.size(), failures.toString());
        Throwable cause = failures.get(0).getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertEquals(ExtensionConfigurationException.class, cause.getClass());
        assertTrue(cause.getMessage().startsWith(Untagged.class.getName() + " starts the local runtime: annotate it @EndToEnd"),
                cause.getMessage());
    }

    /** Never run by the build (a nested class); only looked at. */
    @LocalSystemTest
    static class Annotated {
    }

    /** Run by the test above only. */
    static class Untagged {
        @RegisterExtension
        static final LocalSystemExtension SYSTEM = LocalSystemExtension.of("untagged", () -> {
            throw new AssertionError("the runtime must not start");
        });

        @Test
        void neverReached(LocalRuntime runtime) {
            throw new AssertionError("must not run");
        }
    }
}
