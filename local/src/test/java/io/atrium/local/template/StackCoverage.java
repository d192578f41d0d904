package io.atrium.local.template;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every function and every API of a stack template must have (ADR 0007), checked on the template as
 * SAM deploys it (Globals merged) for each value of its {@code Stage} parameter: each function logs to a log
 * group with a retention and is covered by an alarm on its Lambda errors and one on its throttles (an alarm
 * on its FunctionName, or a Metrics Insights alarm grouping by FunctionName over a tag the function carries),
 * each API has a 5xx-rate and a p99-latency alarm on its name and stage, and every answer its gateway makes
 * carries X-Request-Id, a 429 also Retry-After, and every failure queue has a depth alarm. Alarms must notify someone
 * (AlarmActions).
 */
final class StackCoverage {

    /** A Metrics Insights query over a stack's functions, one series (contributor) per function. */
    private static final Pattern FUNCTIONS_QUERY = Pattern.compile("SELECT SUM\\((\\w+)\\) FROM SCHEMA\\(\"AWS/Lambda\","
            + " ?FunctionName\\) WHERE tag\\.(\\w+) = '([^']+)' GROUP BY FunctionName");

    private static final String REQUEST_ID = "context.requestId";

    /** Where a template names a failure queue besides a redrive policy's {@code deadLetterTargetArn}. */
    private static final List<String> FAILURE_TARGETS = List.of("OnFailure.Destination", "DeadLetterConfig.Arn",
            "DeadLetterQueue.TargetArn");

    private final Template template;
    private final TemplateResolver resolver;
    private final String stage;
    private final List<String> problems = new ArrayList<>();

    private StackCoverage(Template template, String stage) {
        this.template = template;
        this.stage = stage;
        TemplateResolver.Builder b = TemplateResolver.builder(template).stackName("coverage-stack")
                .resources(Placeholders.RESOURCES).imports(name -> "ImportValue(" + name + ")")
                .dynamicReferences(Placeholders.DYNAMIC);
        if (stage != null) {
            b.parameter("Stage", stage);
        }
        this.resolver = b.build();
    }

    /** Every problem of the template, for every Stage it allows; empty when it is covered. */
    static List<String> problems(Template template) {
        List<String> out = new ArrayList<>();
        for (String stage : stages(template)) {
            StackCoverage c = new StackCoverage(template, stage);
            c.check();
            out.addAll(c.problems);
        }
        return out.stream().distinct().toList();
    }

    private static List<String> stages(Template template) {
        Node stage = template.parameters().get("Stage");
        if (stage == null || !stage.asMap().has("AllowedValues")) {
            return Collections.singletonList(null);
        }
        return stage.asMap().require("AllowedValues").asList().items().stream().map(Node::asText).toList();
    }

    private void check() {
        List<MapNode> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm").keySet().stream()
                .map(resolver::resolvedProperties).toList();
        for (String function : template.resourcesOfType("AWS::Serverless::Function").keySet()) {
            MapNode props = resolver.resolvedProperties(function);
            checkLogRetention(function, props);
            for (String metric : List.of("Errors", "Throttles")) {
                if (alarms.stream().noneMatch(a -> notifies(a) && coversFunction(a, function, props, metric))) {
                    problem("function " + function + " has no alarm on its Lambda " + metric);
                }
            }
        }
        for (String api : template.resourcesOfType("AWS::Serverless::Api").keySet()) {
            checkApi(api, resolver.resolvedProperties(api), alarms);
        }
        checkFailureQueues(alarms);
    }

    /**
     * Every queue where failed work lands (a queue's dead-letter queue, a stream mapping's or a function's on-failure
     * destination, a schedule's dead-letter queue) has an alarm on its depth (AWS/SQS ApproximateNumberOfMessagesVisible
     * at 1 or more) to an SNS topic of the stack: no function sees a message arrive there (ADR 0013).
     */
    private void checkFailureQueues(List<MapNode> alarms) {
        List<String> targets = new ArrayList<>();
        for (String type : List.of("AWS::SQS::Queue", "AWS::Serverless::Function", "AWS::Lambda::Function",
                "AWS::Lambda::EventSourceMapping", "AWS::Lambda::EventInvokeConfig", "AWS::Scheduler::Schedule")) {
            template.resourcesOfType(type).keySet()
                    .forEach(id -> collectFailureTargets(resolver.resolvedProperties(id), "", targets));
        }
        List<String> topics = template.resourcesOfType("AWS::SNS::Topic").keySet().stream().map(Placeholders::ref).toList();
        for (String queue : template.resourcesOfType("AWS::SQS::Queue").keySet()) {
            if (!targets.contains("GetAtt(" + queue + ".Arn)")) {
                continue;
            }
            String name = "GetAtt(" + queue + ".QueueName)";
            boolean alarmed = alarms.stream().anyMatch(a -> "AWS/SQS".equals(a.text("Namespace", null))
                    && "ApproximateNumberOfMessagesVisible".equals(a.text("MetricName", null)) && name.equals(dimension(a, "QueueName"))
                    && "GreaterThanOrEqualToThreshold".equals(a.text("ComparisonOperator", null)) && a.find("Threshold").isPresent()
                    && a.get("Threshold").asInt() <= 1 && a.find("AlarmActions").map(Node::asList).map(ListNode::items)
                            .orElse(List.of()).stream().anyMatch(action -> topics.contains(action.asText())));
            if (!alarmed) {
                problem("failure queue " + queue + " has no depth alarm (AWS/SQS ApproximateNumberOfMessagesVisible >= 1)"
                        + " to an SNS topic of the stack");
            }
        }
    }

    /** The ARNs named as where failed work goes, anywhere in {@code node}. */
    private static void collectFailureTargets(Node node, String key, List<String> out) {
        if (node instanceof MapNode map) {
            for (Map.Entry<String, Node> e : map.entries().entrySet()) {
                String path = key + "." + e.getKey();
                if (e.getValue() instanceof ScalarNode && (e.getKey().equals("deadLetterTargetArn")
                        || FAILURE_TARGETS.stream().anyMatch(path::endsWith))) {
                    out.add(e.getValue().asText());
                } else {
                    collectFailureTargets(e.getValue(), e.getKey(), out);
                }
            }
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> collectFailureTargets(item, key, out));
        }
    }

    private void checkLogRetention(String function, MapNode props) {
        Node group = props.mapOrEmpty("LoggingConfig").get("LogGroup");
        if (group == null) {
            problem("function " + function + " logs to Lambda's default group, which keeps logs forever");
            return;
        }
        String target = group.asText();
        boolean retained = template.resourcesOfType("AWS::Logs::LogGroup").keySet().stream()
                .filter(id -> target.equals(Placeholders.ref(id))
                        || target.equals(resolver.resolvedProperties(id).text("LogGroupName", null)))
                .anyMatch(id -> retention(resolver.resolvedProperties(id)) > 0);
        if (!retained) {
            problem("function " + function + " logs to " + target + ", not a log group of the stack with a retention");
        }
    }

    private static long retention(MapNode logGroup) {
        Node days = logGroup.get("RetentionInDays");
        return days == null ? 0 : days.asInt();
    }

    private static boolean coversFunction(MapNode alarm, String function, MapNode props, String metric) {
        if (metric.equals(alarm.text("MetricName", null)) && "AWS/Lambda".equals(alarm.text("Namespace", null))) {
            return Placeholders.ref(function).equals(dimension(alarm, "FunctionName"));
        }
        Map<String, Node> tags = props.mapOrEmpty("Tags").entries();
        for (Node query : alarm.find("Metrics").map(Node::asList).map(ListNode::items).orElse(List.of())) {
            Matcher m = FUNCTIONS_QUERY.matcher(query.asMap().text("Expression", "").replaceAll("\\s+", " ").trim());
            if (m.matches() && m.group(1).equals(metric) && tags.containsKey(m.group(2))
                    && m.group(3).equals(tags.get(m.group(2)).asText())) {
                return true;
            }
        }
        return false;
    }

    private void checkApi(String api, MapNode props, List<MapNode> alarms) {
        String name = props.text("Name", null);
        String stageName = props.text("StageName", null);
        if (name == null) {
            problem("API " + api + " has no Name, so its metrics (dimension ApiName) cannot be alarmed on");
            return;
        }
        if (alarms.stream().noneMatch(a -> notifies(a) && onApi(a, name, stageName, "5XXError")
                && "Average".equals(a.text("Statistic", null)))) {
            problem("API " + api + " has no 5xx-rate alarm (5XXError, Average) on " + name + " stage " + stageName);
        }
        if (alarms.stream().noneMatch(a -> notifies(a) && onApi(a, name, stageName, "Latency")
                && "p99".equals(a.text("ExtendedStatistic", null)))) {
            problem("API " + api + " has no p99-latency alarm on " + name + " stage " + stageName);
        }
        checkGatewayResponses(api, props.mapOrEmpty("GatewayResponses"));
    }

    private static boolean onApi(MapNode alarm, String name, String stageName, String metric) {
        return "AWS/ApiGateway".equals(alarm.text("Namespace", null)) && metric.equals(alarm.text("MetricName", null))
                && name.equals(dimension(alarm, "ApiName")) && Objects.equals(stageName, dimension(alarm, "Stage"));
    }

    private void checkGatewayResponses(String api, MapNode responses) {
        for (String type : List.of("DEFAULT_4XX", "DEFAULT_5XX", "THROTTLED", "QUOTA_EXCEEDED")) {
            if (!responses.has(type)) {
                problem("API " + api + " declares no gateway response " + type);
            }
        }
        for (Map.Entry<String, Node> e : responses.entries().entrySet()) {
            MapNode headers = e.getValue().asMap().mapOrEmpty("ResponseParameters").mapOrEmpty("Headers");
            if (!REQUEST_ID.equals(headers.text("X-Request-Id", null))) {
                problem("API " + api + " gateway response " + e.getKey() + " does not set X-Request-Id to " + REQUEST_ID);
            }
            boolean tooMany = e.getKey().equals("THROTTLED") || e.getKey().equals("QUOTA_EXCEEDED");
            if (tooMany && !headers.has("Retry-After")) {
                problem("API " + api + " gateway response " + e.getKey() + " has no Retry-After");
            }
        }
    }

    private static String dimension(MapNode alarm, String name) {
        for (Node d : alarm.find("Dimensions").map(Node::asList).map(ListNode::items).orElse(List.of())) {
            if (name.equals(d.asMap().text("Name", null))) {
                return d.asMap().text("Value", null);
            }
        }
        return null;
    }

    private static boolean notifies(MapNode alarm) {
        return alarm.find("AlarmActions").map(a -> a.asList().size() > 0).orElse(false);
    }

    private void problem(String what) {
        problems.add(template.name() + (stage == null ? "" : " (Stage " + stage + ")") + ": " + what);
    }

    /** Stand-ins for what only AWS knows: resources, imports and dynamic references become readable tokens. */
    static final class Placeholders {

        static final ResourceReferences RESOURCES = new ResourceReferences() {
            @Override
            public Object ref(String logicalId, String type, MapNode resource) {
                return Placeholders.ref(logicalId);
            }

            @Override
            public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
                return "GetAtt(" + logicalId + "." + attribute + ")";
            }
        };

        static final DynamicReferences DYNAMIC = new DynamicReferences() {
            @Override
            public String secret(String secretId, String jsonKey) {
                return "Secret(" + secretId + ")";
            }

            @Override
            public String ssmParameter(String name) {
                return "Parameter(" + name + ")";
            }
        };

        private Placeholders() {
        }

        static String ref(String logicalId) {
            return "Ref(" + logicalId + ")";
        }
    }
}
