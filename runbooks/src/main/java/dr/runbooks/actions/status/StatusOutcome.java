package dr.runbooks.actions.status;

import dr.core.ExitCode;
import dr.regions.readiness.ReadinessReport;
import dr.runbooks.RunOutcome;
import dr.runbooks.RunbookResult;

import java.util.Optional;

/** What {@code dr status} found: the readiness report and the run's exit code (3 when DR could not take over). */
public record StatusOutcome(RunbookResult result, ReadinessReport report) implements RunOutcome {
    /** The line for standard error when DR is not ready or a check failed; {@code json}: the reasons are there. */
    public Optional<String> problem(boolean json) {
        if (result.exitCode() == ExitCode.OK) {
            return Optional.empty();
        }
        if (result.exitCode() == ExitCode.NOT_READY) {
            int reasons = report.reasons().size();
            return Optional.of("not ready for failover: " + reasons + " reason" + (reasons == 1 ? "" : "s")
                    + (json ? " in the JSON document" : " listed above"));
        }
        return Optional.of(result.message());
    }
}
