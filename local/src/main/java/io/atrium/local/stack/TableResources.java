package io.atrium.local.stack;

import io.atrium.local.dynamodb.TableProvisioner;
import java.util.List;

/** DynamoDB tables, created in DynamoDB Local exactly as declared ({@link TableProvisioner}). */
final class TableResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable");
    }

    @Override
    public void name(StackBuild build, Resource resource) {
        String prefix = build.tablePrefix == null ? "" : build.tablePrefix;
        String name = prefix + build.physicalName(resource, "TableName");
        build.tableNames.put(resource.logicalId(), name);
        build.registry.table(name, build.definition.name() + "/" + resource.logicalId());
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        if (resources.isEmpty()) {
            return;
        }
        for (TableProvisioner.ProvisionedTable table : TableProvisioner.provision(build.dynamoDb,
                build.definition.template(), build.resolver, build.tableNames, true)) {
            if (table.streamArn() != null) {
                build.resources.streamArn(table.logicalId(), table.streamArn());
            }
        }
    }
}
