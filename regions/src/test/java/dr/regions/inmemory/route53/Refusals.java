package dr.regions.inmemory.route53;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Asserts a call is refused the way the SDK would surface AWS's refusal: exception type, error code, status. */
public final class Refusals {
    private Refusals() {
    }

    public static <T extends AwsServiceException> T assertRefused(ThrowingCallable call, Class<T> type, String code,
            int status) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s", code).isInstanceOf(type);
        T error = type.cast(thrown);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.statusCode()).isEqualTo(status);
        return error;
    }
}
