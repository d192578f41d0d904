package io.atrium.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalsTest {

    private final Template template = Template.read(Fixtures.path("/template/globals.yaml"), "globals.yaml");

    private Map<?, ?> props(String id) {
        return (Map<?, ?>) template.resource(id).orElseThrow().get("Properties").toJava();
    }

    @Test
    void functionWithoutPropertiesTakesEveryGlobal() {
        Map<?, ?> p = props("Plain");
        assertEquals("java21", p.get("Runtime"));
        assertEquals(512L, p.get("MemorySize"));
        assertEquals(List.of("arn:global-layer"), p.get("Layers"));
        assertEquals(Map.of("SERVICE_NAME", "global-service", "SHARED", "from-globals", "TABLE",
                Map.of("Ref", "GlobalTable")), ((Map<?, ?>) p.get("Environment")).get("Variables"));
        assertEquals("a.B::handleRequest", p.get("Handler"));
    }

    @Test
    void resourceWinsForScalarsMapsMergeListsAppend() {
        Map<?, ?> p = props("Overriding");
        assertEquals(1024L, p.get("MemorySize"));
        assertEquals(10L, p.get("Timeout"));
        assertEquals(List.of("arn:global-layer", "arn:own-layer"), p.get("Layers"));
        // an intrinsic is a plain value to SAM: the resource's replaces the global's, never merged into it
        assertEquals(Map.of("SERVICE_NAME", "own-service", "SHARED", "from-globals", "TABLE",
                Map.of("Fn::ImportValue", "other-table")), ((Map<?, ?>) p.get("Environment")).get("Variables"));
    }

    @Test
    void apiGlobalsApplyToApisOnly() {
        Map<?, ?> api = props("Api");
        assertEquals(true, api.get("TracingEnabled"));
        assertEquals(Map.of("AllowOrigin", "'*'", "AllowMethods", "'GET'"), api.get("Cors"));
        assertNull(template.resource("NotAFunction").orElseThrow().get("Properties"));
    }

    @Test
    void mergedGlobalKeepsItsOwnLine() {
        Node layer = template.resource("Plain").orElseThrow().get("Properties").asMap().get("Timeout");
        assertEquals(6, layer.location().line());
        assertEquals("Globals.Function.Timeout", layer.location().path());
    }

    @Test
    void unknownGlobalsSectionFails() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> Template.parse("Globals:\n  Functions:\n    Timeout: 3\nResources: {}\n", "g.yaml"));
        assertTrue(e.getMessage().startsWith("g.yaml:2: Globals.Functions: SAM has no Globals section 'Functions'"),
                e.getMessage());
    }
}
