package io.atrium.local;

import io.atrium.local.auth.CognitoEmulator;
import io.atrium.local.sqs.SqsServer;
import io.atrium.local.stack.Registry;
import io.atrium.local.template.TemplateResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The account's services while they start, each on its own thread beside DynamoDB Local (ADR 0109): the local SQS
 * (ElasticMQ, ADR 0104) and the local Cognito, whose RSA signing key is made at start.
 */
final class AccountStart {
    private final CompletableFuture<SqsServer> sqs;
    private final CompletableFuture<CognitoEmulator> cognito;

    private AccountStart(CompletableFuture<SqsServer> sqs, CompletableFuture<CognitoEmulator> cognito) {
        this.sqs = sqs;
        this.cognito = cognito;
    }

    /**
     * @param sqsPort      the local SQS's port (0: a free one)
     * @param cognitoPort  the local Cognito's port (0: a free one)
     * @param cognitoState where the local Cognito keeps its clients, or null (in memory)
     * @param mark         told "sqs ready" and "cognito ready" (the start-up timing)
     */
    static AccountStart begin(int sqsPort, int cognitoPort, String region, Duration maxVisibilityTimeout,
            Path cognitoState, Consumer<String> mark) {
        CompletableFuture<SqsServer> sqs = CompletableFuture.supplyAsync(() -> {
            SqsServer server = SqsServer.start(sqsPort, region, TemplateResolver.DEFAULT_ACCOUNT_ID, maxVisibilityTimeout);
            mark.accept("sqs ready");
            return server;
        });
        CompletableFuture<CognitoEmulator> cognito = CompletableFuture.supplyAsync(() -> {
            CognitoEmulator emulator = CognitoEmulator.start(cognitoPort, region, TemplateResolver.DEFAULT_ACCOUNT_ID,
                    cognitoState);
            mark.accept("cognito ready");
            return emulator;
        });
        return new AccountStart(sqs, cognito);
    }

    /** The local SQS, once it listens; its failure to start, thrown. */
    SqsServer sqs() {
        return joined(sqs);
    }

    /** The local Cognito, once it listens; its failure to start, thrown. */
    CognitoEmulator cognito() {
        return joined(cognito);
    }

    /** After a failed start: closes, once started, those {@code registry} does not hold (it closes its own). */
    void closeUnregistered(Registry registry) {
        if (registry.sqs() == null) {
            sqs.thenAccept(SqsServer::close);
        }
        if (registry.cognito() == null) {
            cognito.thenAccept(CognitoEmulator::close);
        }
    }

    private static <T> T joined(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
