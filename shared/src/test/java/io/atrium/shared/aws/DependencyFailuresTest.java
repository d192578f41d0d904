package io.atrium.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.atrium.shared.api.ApiResponse;
import io.atrium.shared.api.Problems;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Which SDK failures every route answers 503 with Retry-After, and which stay a 500 that says nothing. */
class DependencyFailuresTest {
    private static final String SECRET = "table atrium-shared-PartnerTable-X1 request 4KBNVRGD";

    private static AwsErrorDetails code(String code) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(SECRET).build();
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder().message(SECRET).statusCode(400).awsErrorDetails(code("TransactionCanceledException"))
                .cancellationReasons(Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList()).build();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("throttling", DynamoDbException.builder().statusCode(400).awsErrorDetails(code("ThrottlingException")).build(), 503),
                Arguments.of("provisioned throughput", ProvisionedThroughputExceededException.builder().statusCode(400)
                        .awsErrorDetails(code("ProvisionedThroughputExceededException")).build(), 503),
                Arguments.of("request limit", RequestLimitExceededException.builder().statusCode(400)
                        .awsErrorDetails(code("RequestLimitExceeded")).build(), 503),
                Arguments.of("500", InternalServerErrorException.builder().statusCode(500).awsErrorDetails(code("InternalServerError")).build(), 503),
                Arguments.of("503", DynamoDbException.builder().statusCode(503).awsErrorDetails(code("ServiceUnavailable")).build(), 503),
                Arguments.of("call timeout", ApiCallTimeoutException.create(4000), 503),
                Arguments.of("attempt timeout", ApiCallAttemptTimeoutException.create(1500), 503),
                Arguments.of("no connection", SdkClientException.create(SECRET, new ConnectException("Connection refused")), 503),
                Arguments.of("read timed out", SdkClientException.create(SECRET, new SocketTimeoutException("Read timed out")), 503),
                Arguments.of("wrapped throttling", new IllegalStateException(SECRET, ProvisionedThroughputExceededException.builder()
                        .statusCode(400).awsErrorDetails(code("ProvisionedThroughputExceededException")).build()), 503),
                Arguments.of("transaction contended", cancelled("None", "TransactionConflict"), 503),
                Arguments.of("transaction throttled", cancelled("ThrottlingError", "None"), 503),
                Arguments.of("transaction condition failed", cancelled("TransactionConflict", "ConditionalCheckFailed"), 500),
                Arguments.of("transaction invalid", cancelled("ValidationError"), 500),
                Arguments.of("condition failed", ConditionalCheckFailedException.builder().statusCode(400)
                        .awsErrorDetails(code("ConditionalCheckFailedException")).build(), 500),
                Arguments.of("validation", DynamoDbException.builder().statusCode(400).awsErrorDetails(code("ValidationException")).build(), 500),
                Arguments.of("a bug in the client", SdkClientException.create(SECRET), 500),
                Arguments.of("a bug of ours", new NullPointerException(SECRET), 500));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("failures")
    void eachFailureGetsItsAnswerAndLeaksNothing(String name, Throwable failure, int status) {
        ApiResponse response = Problems.toResponse(failure, "req-1");

        assertEquals(status, response.status(), name);
        assertEquals(status == 503, DependencyFailures.isDependencyFailure(failure));
        if (status == 503) {
            assertEquals(Integer.toString(DependencyFailures.RETRY_AFTER_SECONDS), response.headers().get("Retry-After"));
        } else {
            assertNull(response.headers().get("Retry-After"));
        }
        for (String leak : List.of("atrium-shared", "4KBNVRGD", "Exception", "amazon", "Connection refused")) {
            assertFalse(response.body().contains(leak), response.body());
        }
    }
}
