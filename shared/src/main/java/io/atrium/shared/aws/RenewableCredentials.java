package io.atrium.shared.aws;

import io.atrium.shared.snapstart.SnapStart;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * A credentials provider built anew after every SnapStart restore (ADR 0016): the one in the snapshot cached the
 * role credentials it fetched while priming, which the restored copies must not share.
 */
final class RenewableCredentials implements AwsCredentialsProvider {
    private final Supplier<AwsCredentialsProvider> factory;
    private volatile AwsCredentialsProvider current;

    RenewableCredentials(Supplier<AwsCredentialsProvider> factory) {
        this.factory = factory;
        this.current = factory.get();
        SnapStart.renew(this::renew);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return current.resolveCredentials();
    }

    void renew() {
        AwsCredentialsProvider previous = current;
        current = factory.get();
        if (previous instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
