package io.atrium.local.stack;

import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.usage.UsagePlans;
import java.util.ArrayList;
import java.util.List;

/** API keys, usage plans and plan keys, held by the account's {@link UsagePlans} (ADR 0203). */
final class UsagePlanResources implements ResourceProvisioner {

    /**
     * For benchmarks only ({@code scripts/bench-local}): {@code -Datrium.local.bench.usagePlanThrottle=NAME=RATE/BURST}
     * gives the plan whose {@code UsagePlanName} is NAME that throttle instead of the template's, so a load run measures
     * the runtime rather than the plan's ceiling. The start prints it; buckets and quotas work as always (ADR 0107).
     */
    static final String BENCH_THROTTLE = "atrium.local.bench.usagePlanThrottle";

    @Override
    public List<String> types() {
        return List.of("AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::UsagePlanKey");
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        UsagePlans plans = build.registry.usagePlans();
        for (Resource resource : resources) {
            MapNode props = build.resolver.resolvedProperties(resource.logicalId());
            String ref = (String) build.resources.ref(resource.logicalId(), resource.type(), resource.node());
            switch (resource.type()) {
                case "AWS::ApiGateway::ApiKey" -> apiKey(plans, ref, props);
                case "AWS::ApiGateway::UsagePlan" -> plan(plans, ref, props);
                default -> planKey(plans, props);
            }
        }
    }

    private static void apiKey(UsagePlans plans, String ref, MapNode props) {
        Node value = props.get("Value");
        if (value == null) {
            throw props.error("an API key without Value gets a random value in AWS that no authorizer "
                    + "can know; give it a Value (e.g. from a generated secret)");
        }
        plans.apiKey(ref, value.asText(), !props.has("Enabled") || props.get("Enabled").asBoolean());
    }

    private static void plan(UsagePlans plans, String ref, MapNode props) {
        List<UsagePlans.ApiStage> stages = new ArrayList<>();
        Node list = props.get("ApiStages");
        if (list != null) {
            for (Node s : list.asList()) {
                MapNode stage = s.asMap();
                stages.add(new UsagePlans.ApiStage(stage.require("ApiId").asText(), stage.require("Stage").asText()));
            }
        }
        MapNode throttle = props.mapOrEmpty("Throttle");
        MapNode quota = props.mapOrEmpty("Quota");
        double rate = throttle.has("RateLimit") ? Double.parseDouble(throttle.get("RateLimit").asText()) : 0;
        int burst = throttle.has("BurstLimit") ? throttle.get("BurstLimit").asInt() : 0;
        String bench = System.getProperty(BENCH_THROTTLE, "");
        String name = props.text("UsagePlanName", ref);
        if (bench.startsWith(name + "=")) {
            String[] limits = bench.substring(name.length() + 1).split("/");
            System.out.printf("usage plan %s: throttle %s/%s instead of the template's %s/%d, for benchmarking (%s)%n",
                    name, limits[0], limits[1], rate, burst, BENCH_THROTTLE);
            rate = Double.parseDouble(limits[0]);
            burst = Integer.parseInt(limits[1]);
        }
        try {
            plans.plan(new UsagePlans.Plan(ref, stages, rate, burst,
                    quota.has("Limit") ? quota.get("Limit").asInt() : 0,
                    quota.text("Period", "MONTH")));
        } catch (IllegalArgumentException ex) {
            throw props.error(ex.getMessage());
        }
    }

    private static void planKey(UsagePlans plans, MapNode props) {
        String keyType = props.text("KeyType", "API_KEY");
        if (!keyType.equals("API_KEY")) {
            throw props.require("KeyType").error("KeyType must be API_KEY");
        }
        plans.planKey(props.require("UsagePlanId").asText(), props.require("KeyId").asText());
    }
}
