package io.atrium.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.atrium.local.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateResolverTest {

    private static final Map<String, String> EXPORTS = Map.of(
            "atrium-shared-PartnerTableName", "atrium-shared-PartnerTable-ABC");

    private static final DynamicReferences DYNAMIC = new DynamicReferences() {
        @Override
        public String secret(String secretId, String jsonKey) {
            return secretId.equals("atrium-shared/pagination-key") && jsonKey == null ? "s3cret" : null;
        }

        @Override
        public String ssmParameter(String name) {
            return name.equals("/atrium-shared/layer-arn") ? "arn:aws:lambda:us-east-1:123456789012:layer:shared:7" : null;
        }
    };

    private static final ResourceReferences TABLES = new ResourceReferences() {
        @Override
        public Object ref(String logicalId, String type, MapNode resource) {
            return type.equals("AWS::DynamoDB::Table") ? "phys-" + logicalId : null;
        }

        @Override
        public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
            return attribute.equals("Arn") ? "arn:aws:dynamodb:us-east-1:123456789012:table/phys-" + logicalId : null;
        }
    };

    private final Template template = Template.read(Fixtures.path("/template/intrinsics.yaml"), "fixtures/intrinsics.yaml");

    private TemplateResolver.Builder resolver() {
        return TemplateResolver.builder(template).stackName("my-stack").resources(TABLES).exports(EXPORTS)
                .dynamicReferences(DYNAMIC);
    }

    private Map<String, Object> env(TemplateResolver r) {
        MapNode props = r.resolvedProperties("Fn");
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) props.get("Environment").toJava())
                .get("Variables");
        return vars;
    }

    @Test
    void shortTagsBecomeLongFormsWithTheirLines() {
        MapNode variables = template.resource("Fn").orElseThrow().get("Properties").asMap().get("Environment").asMap()
                .get("Variables").asMap();
        Node ref = variables.get("TABLE");
        assertEquals(Map.of("Ref", "Table"), ref.toJava());
        assertEquals(Map.of("Fn::GetAtt", List.of("Table", "Arn")), variables.get("TABLE_ARN").toJava());
        assertEquals(Map.of("Fn::GetAtt", List.of("Table", "Arn")), variables.get("TABLE_ARN_LIST").toJava());
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}"), variables.get("STACK").toJava());
        assertEquals(56, ref.location().line());
        assertEquals("Resources.Fn.Properties.Environment.Variables.TABLE", ref.location().path());
        assertEquals("Fn", ref.location().logicalId());
        Map<?, ?> condition = (Map<?, ?>) template.conditions().get("IsNotProd").toJava();
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))), condition);
    }

    @Test
    void evaluatesEveryIntrinsicWithDefaults() {
        Map<String, Object> env = env(resolver().build());
        assertEquals("my-stack", env.get("STACK"));
        assertEquals("dev-atrium-shared", env.get("PARAM"));
        assertEquals("${NotAVariable}", env.get("LITERAL"));
        assertEquals("dev.us-east-1.amazonaws.com", env.get("LIST_SUB"));
        assertEquals("phys-Table", env.get("TABLE"));
        assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/phys-Table", env.get("TABLE_ARN"));
        assertEquals(env.get("TABLE_ARN"), env.get("TABLE_ARN_LIST"));
        assertEquals(env.get("TABLE_ARN") + "/index/*", env.get("TABLE_ARN_SUB"));
        assertEquals("atrium-shared-PartnerTable-ABC", env.get("IMPORTED"));
        assertEquals("123456789012-aws-b", env.get("JOINED"));
        assertEquals("z", env.get("SPLIT"));
        assertEquals("not-prod-value", env.get("IF_VALUE"));
        assertFalse(env.containsKey("DROPPED"), "AWS::NoValue removes the key");
        assertEquals("yes-both", env.get("BOTH"));
        assertEquals("aGVsbG8=", env.get("ENCODED"));
        assertEquals("us-east-1a", env.get("AZ"));
        assertEquals("10.0.1.0/24", env.get("CIDR"));
        assertEquals("s3cret", env.get("SECRET"));
        assertEquals("pre-arn:aws:lambda:us-east-1:123456789012:layer:shared:7", env.get("SSM"));
        assertEquals("2012-10-17", env.get("TIMESTAMP_LIKE"));
        MapNode props = resolver().build().resolvedProperties("Fn");
        assertEquals(512L, props.get("MemorySize").toJava());
        assertEquals(List.of("arn:aws:lambda:us-east-1:123456789012:layer:shared:7"), props.get("Layers").toJava());
    }

    @Test
    void overridesAndConditionsChangeTheOutcome() {
        TemplateResolver prod = resolver().parameter("Stage", "prod").region("eu-west-1").build();
        Map<String, Object> env = env(prod);
        assertEquals("prod-value", env.get("IF_VALUE"));
        assertEquals("kept", env.get("DROPPED"));
        assertEquals("no-both", env.get("BOTH"));
        assertEquals("prod.eu-west-1.amazonaws.com", env.get("LIST_SUB"));
        assertEquals(2048L, prod.resolvedProperties("Fn").get("MemorySize").toJava());
        assertTrue(prod.isCreated("ProdOnlyQueue"));
        assertTrue(prod.condition("IsProd"));
        assertFalse(resolver().build().isCreated("ProdOnlyQueue"));
    }

    @Test
    void exportsFollowConditions() {
        assertEquals(Map.of("my-stack-TableName", "phys-Table"), resolver().build().exports());
        TemplateResolver prod = resolver().parameter("Stage", "prod").build();
        TemplateException e = assertThrows(TemplateException.class, prod::exports);
        assertTrue(e.getMessage().contains("Ref to resource 'ProdOnlyQueue' (AWS::SQS::Queue) is not emulated"),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("fixtures/intrinsics.yaml:81: Outputs.QueueUrl.Value"), e.getMessage());
    }

    @Test
    void parameterOutsideAllowedValuesFails() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> env(resolver().parameter("Stage", "qa").build()));
        assertTrue(e.getMessage().contains("parameter 'Stage' is 'qa', not one of its AllowedValues [dev, prod]"),
                e.getMessage());
    }

    @Test
    void undeclaredOverrideFails() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> resolver().parameter("Nope", "x").build());
        assertTrue(e.getMessage().contains("parameter 'Nope', which the template does not declare"), e.getMessage());
    }

    @Test
    void unknownSecretIsAnErrorNotABlank() {
        TemplateResolver r = resolver().dynamicReferences(DynamicReferences.NONE).build();
        TemplateException e = assertThrows(TemplateException.class, () -> env(r));
        assertTrue(e.getMessage().contains("fixtures/intrinsics.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("Resources.Fn.Properties.Layers[0]")
                || e.getMessage().contains("SSM parameter"), e.getMessage());
    }

    @Test
    void missingImportNamesTemplateLogicalIdAndLine() {
        Template t = Template.read(Fixtures.path("/template/missing-import.yaml"), "partner/template.yaml");
        TemplateResolver r = TemplateResolver.builder(t).stackName("atrium-partner")
                .exports(Map.of("atrium-shared-PartnerTableName", "partners")).build();
        TemplateException e = assertThrows(TemplateException.class, () -> r.resolvedProperties("GetPartnerFunction"));
        assertEquals("partner/template.yaml:15: Resources.GetPartnerFunction.Properties.Environment.Variables"
                + ".CONTRACT_TABLE: Fn::ImportValue 'atrium-shared-NoSuchExport': no started stack exports this name",
                e.getMessage());
        assertEquals(15, e.location().line());
        assertEquals("GetPartnerFunction", e.location().logicalId());
    }

    @Test
    void samGeneratedReferencesReachTheCallback() {
        Template t = Template.parse("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                + "    Properties: {AutoPublishAlias: live}\n  Q:\n    Type: AWS::SNS::Topic\n"
                + "    Properties:\n      DisplayName: !Ref Fn.Alias\n", "t.yaml");
        ResourceReferences refs = new ResourceReferences() {
            @Override
            public Object ref(String logicalId, String type, MapNode resource) {
                return logicalId + "|" + type;
            }

            @Override
            public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
                return null;
            }
        };
        assertEquals("Fn.Alias|AWS::Serverless::Function",
                TemplateResolver.builder(t).resources(refs).build().resolvedProperties("Q").get("DisplayName").asText());
    }

    @Test
    void unemulatedFunctionFailsLoudly() {
        Template t = Template.parse("Resources:\n  X:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      QueueName: !Transform {Name: Foo}\n", "t.yaml");
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateResolver.builder(t).build().resolvedProperties("X"));
        assertEquals("t.yaml:5: Resources.X.Properties.QueueName: Fn::Transform is not emulated by the local runtime",
                e.getMessage());
    }

    @Test
    void unknownTagAndBadYamlNameTheLine() {
        TemplateException tag = assertThrows(TemplateException.class,
                () -> Template.parse("Resources:\n  X:\n    Type: !Reff Y\n", "t.yaml"));
        assertTrue(tag.getMessage().startsWith("t.yaml:3: Resources.X.Type: unknown tag !Reff"), tag.getMessage());
        TemplateException yaml = assertThrows(TemplateException.class,
                () -> Template.parse("Resources:\n  X: [\n", "t.yaml"));
        assertTrue(yaml.getMessage().startsWith("t.yaml:"), yaml.getMessage());
        TemplateException dup = assertThrows(TemplateException.class,
                () -> Template.parse("Resources:\n  X: 1\n  X: 2\n", "t.yaml"));
        assertTrue(dup.getMessage().startsWith("t.yaml:"), dup.getMessage());
    }

    @Test
    void stackNameRegionAndOverridesComeFromSamconfig() {
        Template t = Template.read(Fixtures.path("/template/stack/template.yaml"), "stack/template.yaml");
        SamConfig config = SamConfig.read(Fixtures.path("/template/stack/samconfig.toml"));
        assertEquals("fixture-stack", config.stackName().orElseThrow());
        TemplateResolver r = TemplateResolver.builder(t).samConfig(config).build();
        assertEquals("fixture-stack-prod-with space-eu-west-1",
                r.resolvedProperties("Thing").get("QueueName").asText());
    }

    @Test
    void parameterOverridesAsTomlArray(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("samconfig.toml");
        java.nio.file.Files.writeString(file, "version = 0.1\n[default.global.parameters]\nstack_name = \"from-global\"\n"
                + "[default.deploy.parameters]\nparameter_overrides = [\"Stage=prod\", \"Suffix=two words\"]\n");
        SamConfig config = SamConfig.read(file);
        assertEquals("from-global", config.stackName().orElseThrow());
        assertEquals(Map.of("Stage", "prod", "Suffix", "two words"), config.parameterOverrides());
    }

    @Test
    void parameterOverridesParseLikeSamCli() {
        assertEquals(Map.of("A", "1", "B", "two words", "C", "x=y", "D", "it's"),
                SamConfig.parseOverrides("A=1  B=\"two words\" C=x=y D=\"it's\"", "samconfig.toml"));
    }
}
