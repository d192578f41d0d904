package io.atrium.shared.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Tells a failed call whether one of its attempts got no answer (its connection dropped, its attempt timed out): such
 * an attempt may have been applied, so a conditional write that fails on the SDK's retry may have failed on its own
 * earlier result. An error answer (throttling, a 500) is an answer: DynamoDB applied nothing of that attempt.
 * The failure carries the mark as a suppressed {@link AnswerLost}; {@link #anAttemptWasLost} reads it.
 */
public final class LostAnswers implements ExecutionInterceptor {
    private static final ExecutionAttribute<Integer> SENT = new ExecutionAttribute<>("atrium.attemptsSent");
    private static final ExecutionAttribute<Integer> ANSWERED = new ExecutionAttribute<>("atrium.attemptsAnswered");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(SENT, count(attributes, SENT) + 1);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(ANSWERED, count(attributes, ANSWERED) + 1);
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        if (count(attributes, SENT) > count(attributes, ANSWERED)) {
            failure.addSuppressed(new AnswerLost());
        }
        return failure;
    }

    /** Whether an attempt of the call that failed with {@code failure} got no answer. */
    public static boolean anAttemptWasLost(Throwable failure) {
        for (Throwable suppressed : failure.getSuppressed()) {
            if (suppressed instanceof AnswerLost) {
                return true;
            }
        }
        return false;
    }

    private static int count(ExecutionAttributes attributes, ExecutionAttribute<Integer> attribute) {
        Integer count = attributes.getAttribute(attribute);
        return count == null ? 0 : count;
    }

    /** The mark: no stack trace, no cause; it says only that an attempt's answer was lost. */
    static final class AnswerLost extends RuntimeException {
        AnswerLost() {
            super("an attempt of this call got no answer and may have been applied", null, false, false);
        }
    }
}
