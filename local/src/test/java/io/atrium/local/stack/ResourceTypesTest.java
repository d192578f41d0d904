package io.atrium.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lists of what the runtime runs and what it accepts without effect say the same as the provisioners. */
class ResourceTypesTest {

    @Test
    void aTypeIsEitherRunOrAcceptedWithoutEffectNeverBoth() {
        Set<String> both = new HashSet<>(ResourceTypes.emulated());
        both.retainAll(ResourceTypes.withoutLocalEffect());
        assertEquals(Set.of(), both);
    }

    @Test
    void usagePlansAndGatewayResponsesAreRunNotIgnored() {
        assertTrue(ResourceTypes.emulated().containsAll(List.of("AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlan",
                "AWS::ApiGateway::UsagePlanKey", "AWS::ApiGateway::GatewayResponse")), ResourceTypes.emulated().toString());
    }

    @Test
    void everyTypeHasExactlyOneProvisioner() {
        List<String> all = ResourceTypes.PROVISIONERS.stream().flatMap(p -> p.types().stream()).toList();
        assertEquals(all.size(), new HashSet<>(all).size(), "a type listed by two provisioners: " + all);
    }

    @Test
    void everyEventBinderIsListedUnderItsOwnType() {
        ResourceTypes.FUNCTION_EVENTS.forEach((type, binder) -> assertEquals(type, binder.type()));
        assertTrue(ResourceTypes.functionEvents().containsAll(List.of("Api", "SQS", "Schedule", "ScheduleV2", "DynamoDB")),
                ResourceTypes.functionEvents().toString());
    }
}
