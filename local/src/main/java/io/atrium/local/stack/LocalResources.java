package io.atrium.local.stack;

import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ResourceReferences;
import io.atrium.local.template.ScalarNode;
import io.atrium.local.template.Template;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code Ref} and {@code Fn::GetAtt} give for the resources of one locally started stack, shaped as in
 * AWS (names, ARNs). Types the local runtime neither runs nor ignores give null, so the resolver fails.
 */
final class LocalResources implements ResourceReferences {

    private final String stackName;
    private final String region;
    private final String account;
    private final Map<String, String> tableNames;
    private final Map<String, String> streamArns = new HashMap<>();
    private final Map<String, String> functionNames;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Queue> queues = new HashMap<>();
    private CognitoEmulator cognito;

    LocalResources(String stackName, String region, String account, Map<String, String> tableNames,
            Map<String, String> functionNames) {
        this.stackName = stackName;
        this.region = region;
        this.account = account;
        this.tableNames = tableNames;
        this.functionNames = functionNames;
    }

    /** Where Ref/GetAtt of AWS::Cognito::* resources come from. */
    void cognito(CognitoEmulator cognito) {
        this.cognito = cognito;
    }

    void streamArn(String logicalId, String arn) {
        streamArns.put(logicalId, arn);
    }

    /** An SQS queue's name, URL (its {@code Ref}) and ARN. */
    private record Queue(String name, String url, String arn) {
    }

    void queue(String logicalId, String name, String url, String arn) {
        queues.put(logicalId, new Queue(name, url, arn));
    }

    String queueName(String logicalId) {
        return queues.get(logicalId).name();
    }

    /** A declared physical name (LogGroupName, TopicName, ...) resolved by the caller. */
    void name(String logicalId, String physicalName) {
        names.put(logicalId, physicalName);
    }

    String functionArn(String logicalId) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + functionNames.get(logicalId);
    }

    /** The id API Gateway would give the API: ten lower-case letters and digits, stable per stack and Api. */
    static String apiId(String stackName, String logicalId) {
        long h = (stackName + "/" + logicalId).hashCode() & 0xffffffffL;
        h = h * 2654435761L + logicalId.length();
        String id = Long.toString(Math.abs(h), 36).toLowerCase(Locale.ROOT);
        return (id + "0000000000").substring(0, 10);
    }

    String layerArn(String logicalId, MapNode resource, String layerName) {
        return "arn:aws:lambda:" + region + ":" + account + ":layer:" + layerName + ":1";
    }

    private String defaultName(String logicalId) {
        return names.getOrDefault(logicalId, stackName + "-" + logicalId);
    }

    @Override
    public Object ref(String logicalId, String type, MapNode resource) {
        String id = logicalId;
        String suffix = null;
        int dot = logicalId.indexOf('.');
        if (dot > 0) {
            id = logicalId.substring(0, dot);
            suffix = logicalId.substring(dot + 1);
        }
        switch (type) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable":
                return tableNames.get(id);
            case "AWS::Serverless::Function":
                if (suffix == null) {
                    return functionNames.get(id);
                }
                if (suffix.equals("Alias")) {
                    String alias = Template.properties(resource).text("AutoPublishAlias", null);
                    return alias == null ? null : functionArn(id) + ":" + alias;
                }
                return suffix.equals("Version") ? functionArn(id) + ":1" : null;
            case "AWS::Serverless::Api":
                if ("Stage".equals(suffix)) {
                    Node stage = Template.properties(resource).get("StageName");
                    return stage instanceof ScalarNode s ? s.text() : null;
                }
                return apiId(stackName, id);
            case "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolResourceServer",
                    "AWS::Cognito::UserPoolDomain":
                return cognito == null ? null : cognito.ref(stackName, id, type, resource);
            case "AWS::Serverless::LayerVersion":
                return names.get(id);
            case "AWS::SQS::Queue":
                return queues.containsKey(id) ? queues.get(id).url() : null;
            case "AWS::Scheduler::Schedule":
                return defaultName(id);
            case "AWS::SSM::Parameter", "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm",
                    "AWS::CloudWatch::Dashboard", "AWS::IAM::Role", "AWS::IAM::ManagedPolicy", "AWS::KMS::Alias",
                    "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey", "AWS::ApiGateway::UsagePlanKey",
                    "AWS::ApiGateway::GatewayResponse":
                return defaultName(id);
            case "AWS::SecretsManager::Secret":
                return "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + defaultName(id) + "-local0";
            case "AWS::SNS::Topic":
                return "arn:aws:sns:" + region + ":" + account + ":" + defaultName(id);
            case "AWS::KMS::Key":
                return "00000000-0000-0000-0000-" + String.format("%012x", id.hashCode() & 0xffffffffL);
            default:
                return ResourceTypes.withoutLocalEffect().contains(type) ? defaultName(id) : null;
        }
    }

    @Override
    public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
        switch (type) {
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable": {
                String name = tableNames.get(logicalId);
                return switch (attribute) {
                    case "Arn" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
                    case "StreamArn" -> streamArns.get(logicalId);
                    default -> null;
                };
            }
            case "AWS::Serverless::Function":
                return attribute.equals("Arn") ? functionArn(logicalId) : null;
            case "AWS::SQS::Queue": {
                Queue q = queues.get(logicalId);
                return q == null ? null : switch (attribute) {
                    case "Arn" -> q.arn();
                    case "QueueName" -> q.name();
                    case "QueueUrl" -> q.url();
                    default -> null;
                };
            }
            case "AWS::Scheduler::Schedule":
                return attribute.equals("Arn") ? "arn:aws:scheduler:" + region + ":" + account + ":schedule/"
                        + Template.properties(resource).text("GroupName", "default") + "/" + defaultName(logicalId) : null;
            case "AWS::Serverless::Api":
                return attribute.equals("RootResourceId") ? "root" + logicalId.length() : null;
            case "AWS::SSM::Parameter":
                return switch (attribute) {
                    case "Type" -> Template.properties(resource).text("Type", "String");
                    case "Value" -> null; // resolved by the caller from the parameter's Value when needed
                    default -> null;
                };
            case "AWS::Logs::LogGroup":
                return attribute.equals("Arn") ? "arn:aws:logs:" + region + ":" + account + ":log-group:"
                        + defaultName(logicalId) + ":*" : null;
            case "AWS::SNS::Topic":
                return switch (attribute) {
                    case "TopicArn" -> ref(logicalId, type, resource);
                    case "TopicName" -> defaultName(logicalId);
                    default -> null;
                };
            case "AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm":
                return attribute.equals("Arn") ? "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:"
                        + defaultName(logicalId) : null;
            case "AWS::IAM::Role":
                return attribute.equals("Arn") ? "arn:aws:iam::" + account + ":role/" + defaultName(logicalId) : null;
            case "AWS::KMS::Key":
                return attribute.equals("Arn") ? "arn:aws:kms:" + region + ":" + account + ":key/"
                        + ref(logicalId, type, resource) : null;
            case "AWS::SecretsManager::Secret":
                return attribute.equals("Id") ? ref(logicalId, type, resource) : null;
            case "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient":
                return cognito == null ? null : cognito.getAtt(stackName, logicalId, type, attribute);
            default:
                return null;
        }
    }
}
