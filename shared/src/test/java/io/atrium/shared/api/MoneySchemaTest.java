package io.atrium.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.atrium.local.ProjectLayout;
import io.atrium.shared.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every module's OpenAPI Money schema says what {@link MoneyBody#read} enforces, so clients and server agree. */
class MoneySchemaTest {

    @Test
    void everyOpenApiMoneySchemaIsTheOneRule() throws IOException {
        List<Path> withMoney = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ProjectLayout.root())) {
            for (Path openApi : modules.map(m -> m.resolve("src/main/resources/openapi.json")).filter(Files::isRegularFile).toList()) {
                JsonNode money = Json.MAPPER.readTree(openApi.toFile()).path("components").path("schemas").path("Money");
                if (money.isMissingNode()) {
                    continue;
                }
                withMoney.add(openApi);
                assertEquals("[\"amount\",\"currency\"]", money.get("required").toString(), openApi.toString());
                assertFalse(money.get("additionalProperties").asBoolean(true), openApi.toString());
                assertEquals("^" + MoneyBody.AMOUNT.pattern() + "$", money.at("/properties/amount/pattern").textValue(), openApi.toString());
                assertEquals("^[A-Z]{3}$", money.at("/properties/currency/pattern").textValue(), openApi.toString());
                assertTrue(money.get("description").textValue().contains("minor unit"), openApi.toString());
            }
        }
        assertEquals(4, withMoney.size(), "catalog, contract, order and transaction describe Money: " + withMoney);
    }
}
