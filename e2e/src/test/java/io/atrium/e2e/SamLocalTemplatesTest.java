package io.atrium.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atrium.local.ProjectLayout;
import io.atrium.local.junit.LocalSystem;
import io.atrium.local.junit.LocalSystemTest;
import io.atrium.local.sam.SamLocalTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates {@code scripts/sam-local} writes from the running local runtime (every stack with an API), read as
 * SAM reads them: the SAM translator transforms each, every function has the template's layer and only resolved
 * variables (the local tables, DynamoDB endpoint and Cognito), every protected route runs the authorizer, and
 * cfn-lint finds nothing ({@code scripts/lib/check_sam_templates.py}; needs python3 with cfn-lint).
 */
@LocalSystemTest
class SamLocalTemplatesTest {
    private static final Path ROOT = ProjectLayout.root();
    private static final List<String> STACKS = List.of("authz", "catalog", "contract", "order", "partner", "transaction");

    @TempDir
    Path dir;

    @Test
    void everyStacksTemplateIsReadBySamWithItsLayerLocalValuesAndAuthorizer(LocalSystem system) throws Exception {
        JsonNode endpoints = new ObjectMapper().readTree(system.runtime().endpointsJson());
        List<String> files = new ArrayList<>();
        for (String stack : STACKS) {
            files.add(SamLocalTemplate.write(ROOT, stack, endpoints, dir).toString());
        }

        String out = python(files);

        for (String stack : STACKS) {
            assertTrue(out.contains(stack + "/template.yaml: "), out);
        }
        // the translator names the layer SharedLayer<hash>; the authorizer is the eighth function
        assertTrue(out.contains("partner/template.yaml: 8 functions on layers ['SharedLayer"), out);
        assertTrue(out.contains("], 5 protected routes behind an authorizer"), out);
        assertTrue(Files.isDirectory(dir.resolve("layers/shared-layer/java/lib")), "the layer is unzipped for sam local");
    }

    @Test
    void thePartnerTemplateRunsAgainstThisRuntime(LocalSystem system) throws Exception {
        JsonNode endpoints = new ObjectMapper().readTree(system.runtime().endpointsJson());
        String yaml = Files.readString(SamLocalTemplate.write(ROOT, "partner", endpoints, dir));

        assertTrue(yaml.contains("AWS_ENDPOINT_URL_DYNAMODB: http://host.docker.internal:"
                + system.runtime().dynamoDbEndpoint().getPort()), yaml);
        assertTrue(yaml.contains("PARTNER_TABLE: " + system.runtime().tableName("PartnerTable")), yaml);
        assertTrue(yaml.contains("ISSUER: " + endpoints.get("issuer").asText()), yaml);
        Path zip = dir.resolve("partner").relativize(ROOT.resolve("partner/target/partner.zip"));
        assertTrue(yaml.contains("CodeUri: " + zip.toString().replace('\\', '/')), yaml);
        for (String dropped : List.of("UsagePlan", "AWS::CloudWatch::Alarm", "ApiKeyRequired", "DeploymentPreference",
                "Fn::ImportValue", "resolve:")) {
            assertFalse(yaml.contains(dropped), dropped + " left in:\n" + yaml);
        }
    }

    private static String python(List<String> files) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("python3", "scripts/lib/check_sam_templates.py"));
        args.addAll(files);
        Process process = new ProcessBuilder(args).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out;
        try (var in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "timed out: " + args);
        assertEquals(0, process.exitValue(), String.join(" ", args) + " failed (python3 with cfn-lint is needed):\n"
                + out);
        return out;
    }
}
