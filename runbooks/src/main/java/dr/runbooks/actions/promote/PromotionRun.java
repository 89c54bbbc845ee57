package dr.runbooks.actions.promote;

import java.util.Optional;

/** What one promotion run hands back to its caller, as a typed run attribute: the report its report step made. */
final class PromotionRun {
    static final String ATTRIBUTE = "promote.run";

    private PromotionReport report;

    synchronized Optional<PromotionReport> report() {
        return Optional.ofNullable(report);
    }

    synchronized void report(PromotionReport made) {
        this.report = made;
    }
}
