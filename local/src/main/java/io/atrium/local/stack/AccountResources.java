package io.atrium.local.stack;

import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.TemplateResolver;
import io.atrium.local.usage.UsagePlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resources that belong to the account rather than to one stack's runtime: Cognito user pools and their
 * clients (the local Cognito) and API Gateway API keys, usage plans and plan keys (the local usage plans).
 * Created before the stack's functions, which read their ids and values.
 */
final class AccountResources {
    /** Cognito resources in the order Cognito needs them: a client's scopes must exist first. */
    private static final List<String> COGNITO_ORDER = List.of("AWS::Cognito::UserPool",
            "AWS::Cognito::UserPoolResourceServer", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain");
    private static final List<String> USAGE_ORDER = List.of("AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlan",
            "AWS::ApiGateway::UsagePlanKey");

    private AccountResources() {
    }

    static void provision(StackDefinition def, TemplateResolver r, Map<String, MapNode> created, Registry registry,
                          LocalResources resources) {
        for (String type : COGNITO_ORDER) {
            for (Map.Entry<String, MapNode> e : created.entrySet()) {
                Node typeNode = e.getValue().require("Type");
                if (!typeNode.asText().equals(type)) {
                    continue;
                }
                CognitoEmulator cognito = registry.cognito();
                if (cognito == null) {
                    throw typeNode.error(type + " needs the local Cognito, which this runtime was started without");
                }
                cognito.provision(def.stackName(), e.getKey(), type, r.resolvedProperties(e.getKey()));
            }
        }
        UsagePlans plans = registry.usagePlans();
        for (String type : USAGE_ORDER) {
            for (Map.Entry<String, MapNode> e : created.entrySet()) {
                if (!e.getValue().require("Type").asText().equals(type)) {
                    continue;
                }
                String id = e.getKey();
                MapNode props = r.resolvedProperties(id);
                String ref = (String) resources.ref(id, type, e.getValue());
                switch (type) {
                    case "AWS::ApiGateway::ApiKey" -> {
                        Node value = props.get("Value");
                        if (value == null) {
                            throw props.error("an API key without Value gets a random value in AWS that no authorizer "
                                    + "can know; give it a Value (e.g. from a generated secret)");
                        }
                        plans.apiKey(ref, value.asText(), !props.has("Enabled") || props.get("Enabled").asBoolean());
                    }
                    case "AWS::ApiGateway::UsagePlan" -> {
                        List<UsagePlans.ApiStage> stages = new ArrayList<>();
                        Node list = props.get("ApiStages");
                        if (list != null) {
                            for (Node s : list.asList()) {
                                MapNode stage = s.asMap();
                                stages.add(new UsagePlans.ApiStage(stage.require("ApiId").asText(),
                                        stage.require("Stage").asText()));
                            }
                        }
                        MapNode throttle = props.mapOrEmpty("Throttle");
                        MapNode quota = props.mapOrEmpty("Quota");
                        try {
                            plans.plan(new UsagePlans.Plan(ref, stages,
                                    throttle.has("RateLimit") ? Double.parseDouble(throttle.get("RateLimit").asText()) : 0,
                                    throttle.has("BurstLimit") ? throttle.get("BurstLimit").asInt() : 0,
                                    quota.has("Limit") ? quota.get("Limit").asInt() : 0,
                                    quota.text("Period", "MONTH")));
                        } catch (IllegalArgumentException ex) {
                            throw props.error(ex.getMessage());
                        }
                    }
                    default -> {
                        String keyType = props.text("KeyType", "API_KEY");
                        if (!keyType.equals("API_KEY")) {
                            throw props.require("KeyType").error("KeyType must be API_KEY");
                        }
                        plans.planKey(props.require("UsagePlanId").asText(), props.require("KeyId").asText());
                    }
                }
            }
        }
    }
}
