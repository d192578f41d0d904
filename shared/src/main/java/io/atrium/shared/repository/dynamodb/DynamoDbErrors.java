package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.error.UnavailableException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** Turns SDK failures that a client could retry into a 503; anything else stays unexpected. */
public final class DynamoDbErrors {
    private DynamoDbErrors() {
    }

    public static RuntimeException translate(SdkException e) {
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException
                || e instanceof LimitExceededException || e instanceof InternalServerErrorException
                || e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e instanceof SdkClientException || isThrottling(e)) {
            return new UnavailableException("The service is busy; retry shortly.", 1, e);
        }
        return e;
    }

    private static boolean isThrottling(SdkException e) {
        return e instanceof DynamoDbException d && (d.isThrottlingException() || d.statusCode() == 503);
    }
}
