package dr.runbooks.actions.drill;

import dr.core.report.drill.DrillReport;

import java.util.Optional;

/** What one drill run hands back to its caller, as a typed run attribute: the report its report step made. */
final class DrillRun {
    static final String ATTRIBUTE = "drill.run";

    private DrillReport report;

    synchronized Optional<DrillReport> report() {
        return Optional.ofNullable(report);
    }

    synchronized void report(DrillReport made) {
        this.report = made;
    }
}
