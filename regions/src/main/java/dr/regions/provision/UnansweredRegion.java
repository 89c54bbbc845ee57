package dr.regions.provision;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.ServiceError;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsServiceErrors;
import dr.regions.promotion.ApiOutage;

import java.util.Optional;

/**
 * Provision meeting one of the stack's regions that does not answer (an outage as {@link ApiOutage} judges it: no
 * answer at all, or a server error that is not throttling): one line that names the region and the failed call
 * (service, operation, status, code, message: {@link AwsServiceErrors#ofCall}), says that nothing was changed, and
 * what the operator likely wants instead. Provision needs both regions; with the primary region down, what brings
 * users back is promoting DR ({@code dr promote-replica} calls the DR region only), and once the primary is back,
 * {@code dr reprotect}. Still an AWS error: exit 1. With {@code --yes} the stack lock (a Route 53 record) is what meets
 * a dark us-east-1 first: its error gets the same advice.
 */
public final class UnansweredRegion {
    /** Route 53, CloudFront and IAM are global services; their APIs live in us-east-1 ({@code aws-global}). */
    private static final String GLOBAL_API_REGION = Regions.GLOBAL_EDGE;

    private UnansweredRegion() {
    }

    /**
     * The explained error when {@code error} is a region of {@code spec} not answering; else empty. A global service's
     * call (Route 53, CloudFront, IAM: named without a region) goes to us-east-1, where their APIs live. An error
     * already explained ({@link DrException}, e.g. the stack lock's) keeps its words and gets the same advice.
     */
    public static Optional<DrException> explain(Throwable error, StackSpec spec, boolean sandbox) {
        Optional<String> region = unansweredRegion(error).filter(r -> r.equals(spec.primaryRegion())
                || r.equals(spec.drRegion()));
        if (region.isEmpty() || ApiOutage.reason(error).isEmpty()) {
            return Optional.empty();
        }
        boolean primary = region.get().equals(spec.primaryRegion());
        String flag = sandbox ? " --sandbox" : "";
        String what = primary
                ? "If " + spec.primaryRegion() + " is down, 'dr promote-replica --stack " + spec.stack() + " --dr "
                + spec.drRegion() + flag + "' makes " + spec.drRegion() + " serve (it calls " + spec.drRegion()
                + " only); once " + spec.primaryRegion() + " is back, 'dr reprotect' makes it the standby"
                : "Provision needs both regions: run it again once " + spec.drRegion() + " answers";
        String said = error instanceof DrException explained ? explained.getMessage().strip() : region.get()
                + " (the " + (primary ? "primary" : "DR") + " region) does not answer: " + call(error)
                + ". Nothing was changed.";
        return Optional.of(new DrException(ExitCode.FAILED, said + (said.endsWith(".") ? " " : ". ") + what + ".",
                error));
    }

    private static String call(Throwable error) {
        return AwsServiceErrors.ofCall(error).map(ServiceError::line).orElseGet(() -> ApiOutage.reason(error)
                .orElseThrow());
    }

    private static Optional<String> unansweredRegion(Throwable error) {
        Optional<String> region = AwsServiceErrors.region(error);
        if (region.isPresent()) {
            return region;
        }
        return AwsServiceErrors.ofCall(error).filter(call -> call.operation() != null)
                .map(call -> GLOBAL_API_REGION);
    }
}
