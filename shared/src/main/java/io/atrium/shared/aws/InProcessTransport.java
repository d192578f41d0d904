package io.atrium.shared.aws;

import java.net.http.HttpClient;
import java.util.Optional;

/**
 * The seam through which the local runtime gives a function its in-process path to DynamoDB Local (ADR 0107): a
 * JDK {@link HttpClient} (a JDK type, so it crosses the function's class loader) whose requests DynamoDB Local's
 * handler answers in the same JVM. The runtime sets it in the function's own copy of this class before the
 * function's init; {@link AwsClients#dynamoDb} then uses it under the same SDK adapter as in AWS. Nothing sets it in
 * AWS: there it is empty and every client goes over the network.
 */
public final class InProcessTransport {

    private static volatile HttpClient dynamoDb;

    private InProcessTransport() {
    }

    /** Called by the local runtime, reflectively, in the function's class loader before its init. */
    public static void installDynamoDb(HttpClient client) {
        dynamoDb = client;
    }

    static Optional<HttpClient> dynamoDb() {
        return Optional.ofNullable(dynamoDb);
    }
}
