package io.atrium.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.atrium.local.Fixtures;
import io.atrium.local.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every stack template covers every function and API it declares (ADR 0007); the check itself is tested too. */
class StackCoverageTest {

    private static final Path ROOT = ProjectLayout.root();

    /** Every {@code <module>/template.yaml} of the repository, found, not listed (as scripts/lint finds them). */
    private static List<Path> stackTemplates() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.map(d -> d.resolve("template.yaml")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyStackTemplateCoversEveryFunctionAndApi() {
        List<String> problems = new ArrayList<>();
        int functions = 0;
        for (Path file : stackTemplates()) {
            Template template = Template.read(file);
            functions += template.resourcesOfType("AWS::Serverless::Function").size();
            problems.addAll(StackCoverage.problems(template));
        }
        assertTrue(functions >= 30, "the stack templates were not found or lost their functions: " + functions);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyStackWithFunctionsIsTaggedAtStackLevelForItsOwnStage() throws IOException {
        int checked = 0;
        for (Path file : stackTemplates()) {
            if (Template.read(file).resourcesOfType("AWS::Serverless::Function").isEmpty()) {
                continue;
            }
            String module = file.getParent().getFileName().toString();
            JsonNode deploy = new TomlMapper().readTree(file.resolveSibling("samconfig.toml").toFile())
                    .path("default").path("deploy").path("parameters");
            Map<String, String> tags = pairs(deploy.path("tags").asText(""));
            Map<String, String> overrides = pairs(deploy.path("parameter_overrides").asText(""));
            assertEquals(Map.of("project", "atrium", "service", module, "stage", overrides.get("Stage")), tags,
                    module + "/samconfig.toml: tags");
            checked++;
        }
        assertTrue(checked >= 6, "stacks checked: " + checked);
    }

    private static Map<String, String> pairs(String text) {
        Map<String, String> out = new HashMap<>();
        Arrays.stream(text.trim().split("\\s+")).filter(s -> s.contains("="))
                .forEach(s -> out.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1)));
        return out;
    }

    // ------------------------------------------------------------------ the check, one broken piece at a time

    private static List<String> problemsOf(String from, String to) throws IOException {
        String yaml = Files.readString(Fixtures.path("/template/coverage.yaml"));
        if (!from.isEmpty()) {
            assertTrue(yaml.contains(from), "fixture lacks: " + from);
        }
        return StackCoverage.problems(Template.parse(yaml.replace(from, to), "coverage.yaml"));
    }

    @Test
    void theFixtureIsCovered() throws IOException {
        assertEquals(List.of(), problemsOf("", ""));
    }

    @Test
    void aFunctionOutsideTheAlarmsTagHasNoErrorOrThrottleAlarm() throws IOException {
        List<String> problems = problemsOf("{Handler: a.B::handleRequest}",
                "{Handler: a.B::handleRequest, Tags: {stack: another-stack}}");
        assertEquals(List.of("coverage.yaml (Stage dev): function Hello has no alarm on its Lambda Errors",
                "coverage.yaml (Stage dev): function Hello has no alarm on its Lambda Throttles",
                "coverage.yaml (Stage prod): function Hello has no alarm on its Lambda Errors",
                "coverage.yaml (Stage prod): function Hello has no alarm on its Lambda Throttles"), problems);
    }

    @Test
    void anAlarmOnTheFunctionsNameCoversItToo() throws IOException {
        List<String> problems = problemsOf("""
                      Metrics:
                        - Id: errors
                          Expression: !Sub >-
                            SELECT SUM(Errors) FROM SCHEMA("AWS/Lambda", FunctionName)
                            WHERE tag.stack = '${AWS::StackName}' GROUP BY FunctionName
                """, """
                      Namespace: AWS/Lambda
                      MetricName: Errors
                      Dimensions: [{Name: FunctionName, Value: !Ref Hello}]
                """);
        assertEquals(List.of(), problems);
    }

    @Test
    void aFailureQueueWithoutADepthAlarmToTheStacksTopicIsReported() throws IOException {
        String problem = "coverage.yaml (Stage dev): failure queue WorkDeadLetters has no depth alarm"
                + " (AWS/SQS ApproximateNumberOfMessagesVisible >= 1) to an SNS topic of the stack";
        assertTrue(problemsOf("Value: !GetAtt WorkDeadLetters.QueueName", "Value: !GetAtt Work.QueueName").contains(problem));
        assertTrue(problemsOf("      Threshold: 1\n", "      Threshold: 5\n").contains(problem));
        assertTrue(problemsOf("""
                  WorkDeadLettersAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      AlarmActions: [!Ref Topic]
                """, """
                  WorkDeadLettersAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      AlarmActions: [arn:aws:sns:us-east-1:123456789012:elsewhere]
                """).contains(problem));
        // an on-failure destination is a failure queue too
        assertTrue(problemsOf("{Handler: a.B::handleRequest}", "{Handler: a.B::handleRequest, Events: {S: {Type: DynamoDB,"
                + " Properties: {DestinationConfig: {OnFailure: {Type: SQS, Destination: !GetAtt Work.Arn}}}}}}")
                .contains(problem.replace("WorkDeadLetters", "Work")));
    }

    @Test
    void anAlarmThatNotifiesNobodyDoesNotCount() throws IOException {
        List<String> problems = problemsOf("""
                  ThrottlesAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      AlarmActions: [!Ref Topic]
                """, """
                  ThrottlesAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                """);
        assertTrue(problems.contains("coverage.yaml (Stage dev): function Hello has no alarm on its Lambda Throttles"),
                problems.toString());
    }

    @Test
    void aFunctionLoggingElsewhereOrToAGroupWithoutRetentionIsReported() throws IOException {
        assertEquals(List.of("coverage.yaml (Stage dev): function Hello logs to /elsewhere, not a log group of the stack"
                        + " with a retention",
                "coverage.yaml (Stage prod): function Hello logs to /elsewhere, not a log group of the stack with a retention"),
                problemsOf("{Handler: a.B::handleRequest}",
                        "{Handler: a.B::handleRequest, LoggingConfig: {LogGroup: /elsewhere}}"));
        assertEquals(List.of("coverage.yaml (Stage prod): function Hello logs to Ref(Logs), not a log group of the stack"
                        + " with a retention"),
                problemsOf("prod: {LogRetentionDays: 90}", "prod: {LogRetentionDays: 0}"));
    }

    @Test
    void anApiWithoutItsP99OrWithAlarmsOnAnotherStageIsReported() throws IOException {
        assertEquals(List.of("coverage.yaml (Stage dev): API Api has no p99-latency alarm on coverage-stack-api stage v1",
                        "coverage.yaml (Stage prod): API Api has no p99-latency alarm on coverage-stack-api stage v1"),
                problemsOf("ExtendedStatistic: p99", "ExtendedStatistic: p90"));
        assertTrue(problemsOf("StageName: v1", "StageName: v2").contains(
                "coverage.yaml (Stage dev): API Api has no 5xx-rate alarm (5XXError, Average) on coverage-stack-api stage v2"));
    }

    @Test
    void gatewayAnswersWithoutRequestIdOrA429WithoutRetryAfterAreReported() throws IOException {
        List<String> problems = problemsOf(
                "THROTTLED: {ResponseParameters: {Headers: {X-Request-Id: context.requestId, Retry-After: \"'1'\"}}}",
                "THROTTLED: {ResponseParameters: {Headers: {X-Request-Id: \"'fixed'\"}}}");
        assertEquals(List.of(
                "coverage.yaml (Stage dev): API Api gateway response THROTTLED does not set X-Request-Id to context.requestId",
                "coverage.yaml (Stage dev): API Api gateway response THROTTLED has no Retry-After",
                "coverage.yaml (Stage prod): API Api gateway response THROTTLED does not set X-Request-Id to"
                        + " context.requestId",
                "coverage.yaml (Stage prod): API Api gateway response THROTTLED has no Retry-After"), problems);
        assertTrue(problemsOf("        DEFAULT_5XX: {ResponseParameters: {Headers: {X-Request-Id: context.requestId}}}\n", "")
                .contains("coverage.yaml (Stage dev): API Api declares no gateway response DEFAULT_5XX"));
    }
}
