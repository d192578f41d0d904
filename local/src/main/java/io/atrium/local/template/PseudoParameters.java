package io.atrium.local.template;

import java.util.List;

/** CloudFormation's pseudo parameters ({@code AWS::Region}, {@code AWS::StackId}, ...) for one local stack. */
final class PseudoParameters {

    private PseudoParameters() {
    }

    /** The value of pseudo parameter {@code name}, or null when there is no such pseudo parameter. */
    static Node value(String name, String region, String accountId, String stackName, Node at) {
        return switch (name) {
            case "AWS::Region" -> new ScalarNode(at.location(), region);
            case "AWS::AccountId" -> new ScalarNode(at.location(), accountId);
            case "AWS::StackName" -> new ScalarNode(at.location(), stackName);
            case "AWS::StackId" -> new ScalarNode(at.location(), "arn:aws:cloudformation:" + region + ":" + accountId
                    + ":stack/" + stackName + "/00000000-0000-0000-0000-000000000000");
            case "AWS::Partition" -> new ScalarNode(at.location(), "aws");
            case "AWS::URLSuffix" -> new ScalarNode(at.location(), "amazonaws.com");
            case "AWS::NotificationARNs" -> new ListNode(at.location(), List.of());
            default -> null;
        };
    }
}
