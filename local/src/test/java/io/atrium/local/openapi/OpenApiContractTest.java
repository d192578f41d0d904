package io.atrium.local.openapi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiContractTest {

    private static OpenApiContract contract(Path dir) throws Exception {
        Path file = dir.resolve("openapi.json");
        Files.writeString(file, """
                {"openapi":"3.0.3","paths":{"/things/{id}":{"get":{"responses":{
                  "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
                  "204":{"description":"none"}}}}},
                 "components":{"schemas":{"Thing":{"type":"object","additionalProperties":false,"required":["id","size"],
                   "properties":{"id":{"type":"string","pattern":"^[a-z]+$"},"size":{"type":"integer","minimum":1},
                   "kind":{"type":"string","enum":["A","B"]}}}}}}""");
        return OpenApiContract.load(file);
    }

    @Test
    void acceptsWhatTheDocumentDeclares(@TempDir Path dir) throws Exception {
        contract(dir).assertResponse("GET", "/things/{id}", 200, "application/json", "{\"id\":\"abc\",\"size\":2,\"kind\":\"A\"}");
        contract(dir).assertResponse("GET", "/things/{id}", 204, null, null);
    }

    @Test
    void refusesUndeclaredStatusesFieldsTypesAndValues(@TempDir Path dir) throws Exception {
        OpenApiContract contract = contract(dir);
        assertThrows(AssertionError.class, () -> contract.assertResponse("GET", "/things/{id}", 404, "application/json", "{}"));
        assertThrows(AssertionError.class, () -> contract.assertResponse("POST", "/things/{id}", 200, "application/json", "{}"));
        assertThrows(AssertionError.class, () -> contract.assertResponse("GET", "/things/{id}", 200, "text/plain", "{\"id\":\"a\",\"size\":1}"));
        AssertionError error = assertThrows(AssertionError.class, () -> contract.assertResponse("GET", "/things/{id}", 200,
                "application/json", "{\"id\":\"A1\",\"size\":0,\"kind\":\"C\",\"pk\":\"TENANT#x\"}"));
        assertTrue(error.getMessage().contains("$.pk is not declared"), error.getMessage());
        assertTrue(error.getMessage().contains("$.size is below the minimum"), error.getMessage());
        assertTrue(error.getMessage().contains("$.kind"), error.getMessage());
        assertTrue(error.getMessage().contains("$.id"), error.getMessage());
        assertThrows(AssertionError.class, () -> contract.assertResponse("GET", "/things/{id}", 200, "application/json", "{\"id\":\"a\"}"));
    }
}
