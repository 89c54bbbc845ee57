package dr.regions.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one region (or of the edge). A problem there is {@link Verdict#FAIL} where the DR side
 * depends on it, and only {@link Verdict#WARN} in the primary region: failover exists for a broken primary.
 */
final class Findings {
    private final String region;
    private final Verdict problem;
    private final List<Finding> found = new ArrayList<>();

    Findings(String region, Verdict problem) {
        this.region = region;
        this.problem = problem;
    }

    void ok(String tier, String check, String detail) {
        add(tier, check, Verdict.OK, detail, Map.of());
    }

    void ok(String tier, String check, String detail, Map<String, String> facts) {
        add(tier, check, Verdict.OK, detail, facts);
    }

    /** A problem: FAIL or WARN depending on the region's part in failover. */
    void problem(String tier, String check, String detail) {
        add(tier, check, problem, detail, Map.of());
    }

    void problem(String tier, String check, String detail, Map<String, String> facts) {
        add(tier, check, problem, detail, facts);
    }

    /** Worth a look wherever it is, never blocking. */
    void warn(String tier, String check, String detail) {
        add(tier, check, Verdict.WARN, detail, Map.of());
    }

    void warn(String tier, String check, String detail, Map<String, String> facts) {
        add(tier, check, Verdict.WARN, detail, facts);
    }

    void check(boolean healthy, String tier, String check, String detail) {
        if (healthy) {
            ok(tier, check, detail);
        } else {
            problem(tier, check, detail);
        }
    }

    void add(String tier, String check, Verdict verdict, String detail, Map<String, String> facts) {
        found.add(new Finding(region, tier, check, verdict, detail, facts));
    }

    /** A finding about another place than this collector's region (e.g. a certificate seen from the edge). */
    void add(Finding finding) {
        found.add(finding);
    }

    List<Finding> list() {
        return List.copyOf(found);
    }
}
