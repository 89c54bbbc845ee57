package dr.runbooks.actions.status;

import dr.core.engine.StepResult;
import dr.regions.readiness.Finding;
import dr.regions.readiness.ReadinessScope;
import dr.regions.readiness.Verdict;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;
import dr.core.engine.ServiceError;
import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A status check step: runs one readiness check and records what it found as its outputs. It does not fail
 * because of a finding (the report step judges them all together), nor because AWS refused or could not be reached
 * (that becomes a finding, so the other checks still run and DR is still judged); throttling is thrown for the
 * engine to retry.
 */
final class CheckAction implements RunbookAction {
    private final Function<ReadinessScope, List<Finding>> check;
    private final Function<ReadinessScope, String> where;
    private final Verdict onError;

    /**
     * {@code where}: the region the check is about, for the finding of a check that could not complete;
     * {@code onError}: that finding's verdict (a warning for the primary region, else a failure).
     */
    CheckAction(Function<ReadinessScope, List<Finding>> check, Function<ReadinessScope, String> where,
                Verdict onError) {
        this.check = check;
        this.where = where;
        this.onError = onError;
    }

    @Override
    public StepResult execute(ActionContext context) {
        ReadinessScope scope = StatusScope.of(context);
        List<Finding> findings;
        try {
            findings = check.apply(scope);
        } catch (SdkException error) {
            if (error instanceof AwsServiceException service && service.isThrottlingException()) {
                throw error;
            }
            findings = List.of(new Finding(where.apply(scope), "status", context.stepId(), onError,
                    "could not complete: " + AwsServiceErrors.describe(error),
                    AwsServiceErrors.of(error).map(ServiceError::fields).orElse(Map.of())));
        }
        return StepResult.ran(StatusFindings.summary(findings), StatusFindings.outputs(findings));
    }
}
