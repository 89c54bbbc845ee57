package dr.regions.identity;

import dr.core.clock.Clock;
import dr.core.clock.VirtualClock;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.model.BackupException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup's "cannot be assumed" refusal is retried only while the role may still be propagating: within
 * {@link RolePropagation#WINDOW} of its trust change (terraform-provider-aws issue 9297, pull requests 12017 and 5536).
 */
class RolePropagationTest {
    private final VirtualClock clock = new VirtualClock();

    private StepContext context(Instant changedAt) {
        return new StepContext() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Optional<String> output(StepKey step, String name) {
                return step.equals(IdentityRoles.BACKUP_ROLE_KEY) && name.equals("changedAt")
                        ? Optional.of(changedAt.toString()) : Optional.empty();
            }
        };
    }

    private static AwsServiceException error(String code, String message) {
        return BackupException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    private static final AwsServiceException NOT_ASSUMABLE = error("InvalidParameterValueException",
            "IAM Role arn:aws:iam::123456789012:role/dr/dr-backup-role cannot be assumed by AWS Backup");

    @Test
    void aRefusalRightAfterTheRoleWasMadeIsRetriedUntilBackupTakesIt() {
        AtomicInteger calls = new AtomicInteger();

        String id = RolePropagation.toBackup(context(clock.now()), () -> {
            if (calls.incrementAndGet() < 3) {
                throw NOT_ASSUMABLE;
            }
            return "selection-id";
        });

        assertThat(id).isEqualTo("selection-id");
        assertThat(calls).hasValue(3);
        assertThat(clock.now()).isAfter(VirtualClock.EPOCH).isBefore(VirtualClock.EPOCH.plus(RolePropagation.WINDOW));
    }

    @Test
    void aRoleThatKeepsBeingRefusedFailsOnceThePropagationWindowHasPassed() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> RolePropagation.toBackup(context(clock.now()), () -> {
            calls.incrementAndGet();
            throw NOT_ASSUMABLE;
        })).isSameAs(NOT_ASSUMABLE);
        assertThat(clock.now()).isBefore(VirtualClock.EPOCH.plus(RolePropagation.WINDOW));
        assertThat(calls.get()).isGreaterThan(2);
    }

    @Test
    void aRoleChangedLongAgoIsNotRetriedAndOtherErrorsNeverAre() {
        AtomicInteger calls = new AtomicInteger();
        StepContext old = context(clock.now().minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> RolePropagation.toBackup(old, () -> {
            calls.incrementAndGet();
            throw NOT_ASSUMABLE;
        })).isSameAs(NOT_ASSUMABLE);

        AwsServiceException other = error("InvalidParameterValueException", "Backup plan x does not exist.");
        assertThatThrownBy(() -> RolePropagation.toBackup(context(clock.now()), () -> {
            calls.incrementAndGet();
            throw other;
        })).isSameAs(other);
        assertThat(calls).hasValue(2);
        assertThat(clock.now()).isEqualTo(VirtualClock.EPOCH);
    }
}
