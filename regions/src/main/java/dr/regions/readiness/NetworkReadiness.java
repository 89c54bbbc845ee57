package dr.regions.readiness;

import dr.core.model.SubnetRole;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.network.NetworkRoles;
import dr.regions.security.SecurityRoles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The network and security tiers of one region, from the inventory alone: no call of its own. */
final class NetworkReadiness {
    static final String NETWORK = "network";
    static final String SECURITY = "security";
    /** The bastion's group exists only with --admin-cidr; every other group is needed to serve traffic. */
    private static final List<SecurityRoles> REQUIRED_GROUPS = List.of(SecurityRoles.ALB_WEB, SecurityRoles.ALB_APP,
            SecurityRoles.WEB, SecurityRoles.APP, SecurityRoles.DB);

    private final ReadinessScope scope;
    private final String region;
    private final Findings findings;

    NetworkReadiness(ReadinessScope scope, String region, Findings findings) {
        this.scope = scope;
        this.region = region;
        this.findings = findings;
    }

    void check() {
        vpc();
        subnets();
        internetGateway();
        natGateways();
        routeTables();
        securityGroups();
    }

    private void vpc() {
        Optional<StackResource> vpc = scope.find(ResourceKind.VPC, region, NetworkRoles.VPC);
        if (vpc.isEmpty()) {
            findings.problem(NETWORK, "vpc", scope.absent(ResourceKind.VPC, region));
            return;
        }
        findings.check("available".equals(vpc.get().state()), NETWORK, "vpc",
                vpc.get().id() + " " + vpc.get().state());
    }

    private void subnets() {
        Optional<String> unverified = scope.unverified(ResourceKind.SUBNET, region);
        if (unverified.isPresent()) {
            findings.problem(NETWORK, "subnets", unverified.get());
            return;
        }
        List<String> missing = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        for (SubnetRole subnet : SubnetRole.values()) {
            Optional<StackResource> found = scope.find(ResourceKind.SUBNET, region, NetworkRoles.subnet(subnet));
            if (found.isEmpty()) {
                missing.add(subnet.role());
            } else if (!"available".equals(found.get().state())) {
                unavailable.add(subnet.role() + " " + found.get().state());
            }
        }
        int total = SubnetRole.values().length;
        if (missing.isEmpty() && unavailable.isEmpty()) {
            findings.ok(NETWORK, "subnets", total + "/" + total + " available");
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        if (!unavailable.isEmpty()) {
            problems.add(String.join(", ", unavailable));
        }
        findings.problem(NETWORK, "subnets", (total - missing.size() - unavailable.size()) + "/" + total
                + " available; " + String.join("; ", problems));
    }

    private void internetGateway() {
        Optional<StackResource> gateway = scope.find(ResourceKind.INTERNET_GATEWAY, region,
                NetworkRoles.INTERNET_GATEWAY);
        if (gateway.isEmpty()) {
            findings.problem(NETWORK, "internet-gateway", scope.absent(ResourceKind.INTERNET_GATEWAY, region));
            return;
        }
        findings.check("attached".equals(gateway.get().state()), NETWORK, "internet-gateway",
                gateway.get().id() + " " + gateway.get().state());
    }

    /** One NAT gateway in zone a, or one per zone: each that exists must be available, and at least one must. */
    private void natGateways() {
        List<StackResource> nats = scope.all(ResourceKind.NAT_GATEWAY, region);
        if (nats.isEmpty()) {
            findings.problem(NETWORK, "nat-gateway", scope.absent(ResourceKind.NAT_GATEWAY, region,
                    ": private subnets have no way out"));
            return;
        }
        List<String> states = nats.stream().map(nat -> nat.role() + " " + nat.state()).toList();
        boolean allAvailable = nats.stream().allMatch(nat -> "available".equals(nat.state()));
        findings.check(allAvailable, NETWORK, "nat-gateway", String.join(", ", states));
    }

    private void routeTables() {
        boolean publicRoutes = scope.find(ResourceKind.ROUTE_TABLE, region, NetworkRoles.PUBLIC_ROUTES).isPresent();
        boolean privateRoutes = scope.find(ResourceKind.ROUTE_TABLE, region, NetworkRoles.privateRoutes(0)).isPresent();
        Optional<String> unverified = scope.unverified(ResourceKind.ROUTE_TABLE, region);
        if (unverified.isPresent()) {
            findings.problem(NETWORK, "route-tables", unverified.get());
        } else if (publicRoutes && privateRoutes) {
            findings.ok(NETWORK, "route-tables", "public and private present");
        } else {
            findings.problem(NETWORK, "route-tables", "missing " + (publicRoutes ? "" : NetworkRoles.PUBLIC_ROUTES
                    + (privateRoutes ? "" : ", ")) + (privateRoutes ? "" : NetworkRoles.privateRoutes(0)));
        }
    }

    private void securityGroups() {
        List<String> missing = REQUIRED_GROUPS.stream().map(SecurityRoles::role)
                .filter(role -> scope.find(ResourceKind.SECURITY_GROUP, region, role).isEmpty()).toList();
        Optional<String> unverified = scope.unverified(ResourceKind.SECURITY_GROUP, region);
        if (unverified.isPresent()) {
            findings.problem(SECURITY, "security-groups", unverified.get());
        } else if (missing.isEmpty()) {
            findings.ok(SECURITY, "security-groups", REQUIRED_GROUPS.size() + "/" + REQUIRED_GROUPS.size()
                    + " present");
        } else {
            findings.problem(SECURITY, "security-groups", "missing " + String.join(", ", missing));
        }
    }
}
