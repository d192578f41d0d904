package io.atrium.local.junit;

import io.atrium.local.LocalRuntime;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local system as a test sees it: injected by {@link LocalSystemExtension} into test methods and constructors. */
public interface LocalSystem {

    /** Base URL of a stack's API, e.g. {@code baseUrl("partner")} -> {@code http://127.0.0.1:41234/v1}. */
    URI baseUrl(String stack);

    /** Every stack's base URL. */
    Map<String, URI> baseUrls();

    /** A client for the DynamoDB Local the functions use. */
    DynamoDbClient dynamoDb();

    URI dynamoDbEndpoint();

    /** The physical name of a table by its logical id in the templates, e.g. {@code PartnerTable}. */
    String tableName(String logicalId);

    /** Every export of the started stacks. */
    Map<String, String> exports();

    /** The runtime itself, for anything else. */
    LocalRuntime runtime();

    static LocalSystem of(LocalRuntime runtime) {
        return new LocalSystem() {
            @Override
            public URI baseUrl(String stack) {
                return runtime.baseUrl(stack);
            }

            @Override
            public Map<String, URI> baseUrls() {
                return runtime.baseUrls();
            }

            @Override
            public DynamoDbClient dynamoDb() {
                return runtime.dynamoDb();
            }

            @Override
            public URI dynamoDbEndpoint() {
                return runtime.dynamoDbEndpoint();
            }

            @Override
            public String tableName(String logicalId) {
                return runtime.tableName(logicalId);
            }

            @Override
            public Map<String, String> exports() {
                return runtime.exports();
            }

            @Override
            public LocalRuntime runtime() {
                return runtime;
            }

            @Override
            public String toString() {
                return "LocalSystem" + runtime.baseUrls();
            }
        };
    }
}
