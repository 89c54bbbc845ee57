package dr.regions.identity;

import dr.core.engine.StepContext;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Handing a role to AWS Backup right after creating it: IAM is eventually consistent, and until the role has reached
 * AWS Backup, Backup answers {@code InvalidParameterValueException} "IAM Role ... cannot be assumed by AWS Backup" or
 * "... is not authorized to call tag:GetResources" (terraform-provider-aws issue 9297 and pull request 12017, which
 * retry exactly these). Retried with backoff, but only within {@link #WINDOW} of the role's last trust change
 * (terraform-provider-aws pull request 5536 settles on two minutes for IAM propagation): a role that is simply wrong
 * fails at once.
 */
public final class RolePropagation {
    public static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(16);

    private RolePropagation() {
    }

    /** Runs {@code call}, which hands the stack's Backup role to AWS Backup, retrying while the role propagates. */
    public static <T> T toBackup(StepContext context, Supplier<T> call) {
        Instant changedAt = Instant.parse(context.require(IdentityRoles.BACKUP_ROLE_KEY, "changedAt"));
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!refusedRole(e) || !context.clock().now().plus(wait).isBefore(changedAt.plus(WINDOW))) {
                    throw e;
                }
                context.clock().waitFor(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /** The role ARN Backup is to be handed. */
    public static String backupRoleArn(StepContext context) {
        return context.require(IdentityRoles.BACKUP_ROLE_KEY, "arn");
    }

    static boolean refusedRole(AwsServiceException e) {
        if (e.awsErrorDetails() == null || !"InvalidParameterValueException".equals(e.awsErrorDetails().errorCode())) {
            return false;
        }
        String message = e.awsErrorDetails().errorMessage();
        return message != null && (message.contains("cannot be assumed") || message.contains("is not authorized to call"));
    }
}
