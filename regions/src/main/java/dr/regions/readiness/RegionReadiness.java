package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.regions.topology.Tier;

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
        Findings findings = new Findings(region, ReadinessScope.problemVerdict(role));
        if (!scope.reachable(region)) {
            findings.problem("region", "reachable", "cannot be reached: " + scope.inventory().unreachable().get(region)
                    + (role == RegionRole.PRIMARY ? " (a regional outage is what failover is for)" : ""));
            return findings.list();
        }
        scope.reportUnverified(region, findings);
        new NetworkReadiness(scope, region, findings).check();
        for (Tier tier : Tier.values()) {
            new TierReadiness(scope, region, tier, findings).check();
        }
        new DataReadiness(scope, role, findings).check();
        return findings.list();
    }
}
