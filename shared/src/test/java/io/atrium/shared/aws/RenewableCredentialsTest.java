package io.atrium.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** After a SnapStart restore the credentials come from a provider built anew; the snapshot's one is closed. */
class RenewableCredentialsTest {

    /** A provider whose credentials name the build it came from, as the container endpoint's would differ. */
    private record Numbered(int number, List<Integer> closed) implements AwsCredentialsProvider, SdkAutoCloseable {
        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("key-" + number, "secret");
        }

        @Override
        public void close() {
            closed.add(number);
        }
    }

    @Test
    void aRenewedProviderAnswersAndTheOldOneIsClosed() {
        List<Integer> closed = new ArrayList<>();
        int[] built = {0};
        RenewableCredentials credentials = new RenewableCredentials(() -> new Numbered(++built[0], closed));
        assertEquals("key-1", credentials.resolveCredentials().accessKeyId());

        credentials.renew();

        assertEquals("key-2", credentials.resolveCredentials().accessKeyId());
        assertEquals(List.of(1), closed);
        assertEquals(2, built[0]);
    }
}
