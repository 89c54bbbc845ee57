package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.regions.topology.Tier;

import dr.core.engine.ServiceError;
import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.List;

/**
 * Every tier of one region: network, security, web, app, the data side (subnet group, primary database, private zone
 * and database CNAME, backup vault). In the DR region a problem fails readiness; in the primary region it is a
 * warning. A region discovery could not reach is one finding, and nothing there is called.
 */
public final class RegionReadiness {
    private final ReadinessScope scope;
    private final RegionRole role;

    public RegionReadiness(ReadinessScope scope, RegionRole role) {
        this.scope = scope;
        this.role = role;
    }

    public List<Finding> check() {
        String region = scope.region(role);
        Findings findings = new Findings(region, scope.problemVerdict(role));
        if (!scope.reachable(region)) {
            findings.problem("region", "reachable", "cannot be reached: " + scope.inventory().unreachable().get(region)
                    + (role == scope.serving() ? " (a regional outage is what failover is for)" : ""));
            return findings.list();
        }
        scope.reportUnverified(region, findings);
        readOrReport(findings, "network", () -> new NetworkReadiness(scope, region, findings).check());
        for (Tier tier : Tier.values()) {
            readOrReport(findings, tier.role(), () -> new TierReadiness(scope, region, tier, findings).check());
        }
        readOrReport(findings, DataReadiness.DATABASE, () -> new DataReadiness(scope, role, findings).check());
        return findings.list();
    }

    /**
     * Runs one tier's checks; when AWS answers one of its reads with an error (a region in trouble: a 5xx, or an SCP's
     * AccessDenied) that tier's remaining checks are reported as not completed with the AWS error, and the findings
     * made so far and the other tiers' are kept. Throttling is left to the caller's retries.
     */
    private static void readOrReport(Findings findings, String tier, Runnable checks) {
        try {
            checks.run();
        } catch (AwsServiceException e) {
            if (e.isThrottlingException()) {
                throw e;
            }
            ServiceError error = AwsServiceErrors.of(e).orElseThrow();
            findings.problem(tier, "not-verified", "could not complete: " + error.line(), error.fields());
        }
    }
}
