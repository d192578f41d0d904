package io.atrium.local.lambda;

import io.atrium.local.dynamodb.DynamoDbLocal;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;

/**
 * Gives a function the in-process path to DynamoDB Local (ADR 0107) when its environment names the endpoint of a
 * DynamoDB Local of this JVM and its layer has the seam for it ({@code io.atrium.shared.aws.InProcessTransport}):
 * the function's SDK then reaches the same database without HTTP, while the AWS CLI keeps the loopback port. A
 * function without the seam keeps using the endpoint over loopback.
 */
final class InProcessDataPath {

    static final String SEAM = "io.atrium.shared.aws.InProcessTransport";

    private InProcessDataPath() {
    }

    /** Before the function's init: installs the path into the loader's own copy of the seam; whether it did. */
    static boolean install(FunctionClassLoader loader, Map<String, String> env) {
        String endpoint = env.get("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint == null || loader.findResource(SEAM.replace('.', '/') + ".class") == null) {
            return false;
        }
        Optional<HttpClient> client = DynamoDbLocal.inProcess(URI.create(endpoint));
        if (client.isEmpty()) {
            return false;
        }
        try {
            loader.loadClass(SEAM).getMethod("installDynamoDb", HttpClient.class).invoke(null, client.get());
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot give " + loader.getName() + " the in-process DynamoDB path", e);
        }
    }
}
