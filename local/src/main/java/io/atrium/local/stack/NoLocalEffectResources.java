package io.atrium.local.stack;

import java.util.List;

/**
 * Types that change nothing a local client can observe (logs, alarms, dashboards, topics, IAM, KMS, X-Ray):
 * accepted, not run; {@link LocalResources} gives them AWS-shaped names and ARNs for {@code Ref}/{@code GetAtt}.
 */
final class NoLocalEffectResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::Logs::LogGroup", "AWS::Logs::MetricFilter", "AWS::CloudWatch::Alarm",
                "AWS::CloudWatch::CompositeAlarm", "AWS::CloudWatch::Dashboard", "AWS::SNS::Topic",
                "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription", "AWS::IAM::Role", "AWS::IAM::Policy",
                "AWS::IAM::ManagedPolicy", "AWS::Lambda::Permission", "AWS::KMS::Key", "AWS::KMS::Alias",
                "AWS::ApiGateway::Account", "AWS::XRay::Group", "AWS::XRay::SamplingRule");
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        // nothing runs locally
    }
}
