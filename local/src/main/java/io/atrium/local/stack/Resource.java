package io.atrium.local.stack;

import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;

/** One resource of a template that CloudFormation would create (its {@code Condition} holds). */
record Resource(String logicalId, String type, MapNode node) {

    Node typeNode() {
        return node.require("Type");
    }
}
