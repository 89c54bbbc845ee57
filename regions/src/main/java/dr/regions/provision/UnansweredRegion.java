package dr.regions.provision;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.ServiceError;
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
 * {@code dr reprotect}. Still an AWS error: exit 1.
 */
public final class UnansweredRegion {
    private UnansweredRegion() {
    }

    /** The explained error when {@code error} is a region of {@code spec} not answering; else empty. */
    public static Optional<DrException> explain(Throwable error, StackSpec spec, boolean sandbox) {
        Optional<String> region = AwsServiceErrors.region(error).filter(r -> r.equals(spec.primaryRegion())
                || r.equals(spec.drRegion()));
        if (region.isEmpty() || ApiOutage.reason(error).isEmpty()) {
            return Optional.empty();
        }
        String call = AwsServiceErrors.ofCall(error).map(ServiceError::line).orElseGet(() -> ApiOutage.reason(error)
                .orElseThrow());
        boolean primary = region.get().equals(spec.primaryRegion());
        String flag = sandbox ? " --sandbox" : "";
        String what = primary
                ? "If " + spec.primaryRegion() + " is down, 'dr promote-replica --stack " + spec.stack() + " --dr "
                + spec.drRegion() + flag + "' makes " + spec.drRegion() + " serve (it calls " + spec.drRegion()
                + " only); once " + spec.primaryRegion() + " is back, 'dr reprotect' makes it the standby"
                : "Provision needs both regions: run it again once " + spec.drRegion() + " answers";
        return Optional.of(new DrException(ExitCode.FAILED, region.get() + " (the " + (primary ? "primary" : "DR")
                + " region) does not answer: "
                + call + ". Nothing was changed. " + what + ".", error));
    }
}
