package io.atrium.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** {@link LocalSystemTest} as a module's end-to-end test uses it: root and templates from the annotation. */
@ExtendWith(AnnotatedSystemTest.BuildFixtureRoot.class)
@LocalSystemTest(root = "target/fixture-root", templates = {"shared/template.yaml", "authz/template.yaml",
        "alpha/template.yaml"})
class AnnotatedSystemTest {

    /** Registered before the annotation's extension, so the folder exists when the runtime starts. */
    static final class BuildFixtureRoot implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            FixtureRoot.get();
        }
    }

    @Test
    void annotationStartsTheSystemAndInjectsIt(LocalSystem system) throws Exception {
        URI base = system.baseUrl("alpha");
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "/items/42")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"itemId\":\"42\""), r.body());
        // a runtime of its own (other configuration), sharing the JVM's DynamoDB Local under another table prefix
        assertTrue(system.tableName("ItemTable").endsWith("fx-shared-ItemTable"), system.tableName("ItemTable"));
        assertTrue(system.dynamoDb().listTables().tableNames().contains(system.tableName("ItemTable")));
    }

    @Test
    void unknownStackNamesTheOnesThereAre(LocalSystem system) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> system.baseUrl("nope"));
        assertEquals("no API for stack 'nope' (APIs: [alpha])", e.getMessage());
    }
}
