package dr.regions.readiness;

import dr.core.model.Regions;
import dr.core.model.RegionRole;
import dr.regions.cdn.DistributionSettings;
import dr.regions.cdn.Distributions;
import dr.regions.certificates.CertificateSteps;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.dns.ApiRecords;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.HealthCheckStep;
import dr.regions.firewall.WebAclStep;
import dr.regions.dns.HealthCheckVerdict;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The global edge: the Route 53 health check and its status as the checkers see it (GetHealthCheckStatus), the
 * CloudFront distribution deployed with the web ACL attached and which origin it tries first, every stack certificate
 * issued, and with a domain the {@code api.<domain>} failover records naming the two app load balancers.
 */
public final class EdgeReadiness {
    static final String EDGE = "edge";
    static final String TLS = "tls";
    private final ReadinessScope scope;
    private final Findings findings = new Findings(StackResource.GLOBAL, Verdict.FAIL);

    public EdgeReadiness(ReadinessScope scope) {
        this.scope = scope;
    }

    public List<Finding> check() {
        if (!scope.reachable(StackResource.GLOBAL)) {
            findings.problem(EDGE, "global-services", "Route 53 or CloudFront cannot be read: "
                    + scope.inventory().unreachable().get(StackResource.GLOBAL));
        }
        scope.reportUnverified(StackResource.GLOBAL, findings);
        if (!scope.spec().primaryRegion().equals(Regions.GLOBAL_EDGE) && !scope.spec().drRegion()
                .equals(Regions.GLOBAL_EDGE)) {
            scope.reportUnverified(Regions.GLOBAL_EDGE, findings);
        }
        healthCheck();
        Optional<Distribution> distribution = distribution();
        webAcl(distribution);
        certificates();
        records(distribution);
        return findings.list();
    }

    private void healthCheck() {
        Optional<StackResource> check = scope.find(ResourceKind.HEALTH_CHECK, StackResource.GLOBAL,
                HealthCheckStep.ROLE);
        if (check.isEmpty()) {
            findings.problem(EDGE, HealthCheckStep.ROLE, scope.reachable(StackResource.GLOBAL)
                    ? scope.absent(ResourceKind.HEALTH_CHECK, StackResource.GLOBAL,
                            ": Route 53 cannot tell that the primary is down")
                    : "cannot be read: Route 53 unreachable");
            return;
        }
        HealthCheckVerdict.Verdict verdict = new HealthCheckVerdict(scope.clients().route53()).of(check.get().id());
        if (verdict.healthy().isEmpty()) {
            findings.warn(EDGE, HealthCheckStep.ROLE, check.get().id() + ": no checker has reported yet");
            return;
        }
        String detail = check.get().id() + " on " + check.get().attribute(Attributes.DNS_NAME) + ": "
                + verdict.describe();
        if (verdict.healthy().get()) {
            findings.ok(EDGE, HealthCheckStep.ROLE, detail);
        } else {
            findings.warn(EDGE, HealthCheckStep.ROLE, detail + (verdict.report() == null ? "" : ": " + verdict.report())
                    + " (the primary counts as down; Route 53 answers api with DR)");
        }
    }

    private Optional<Distribution> distribution() {
        Optional<StackResource> listed = scope.find(ResourceKind.DISTRIBUTION, StackResource.GLOBAL,
                Distributions.ROLE);
        if (listed.isEmpty()) {
            findings.problem(EDGE, Distributions.ROLE, scope.reachable(StackResource.GLOBAL)
                    ? scope.absent(ResourceKind.DISTRIBUTION, StackResource.GLOBAL)
                    : "cannot be read: CloudFront unreachable");
            return Optional.empty();
        }
        Distribution distribution = scope.clients().cloudFront().getDistribution(r -> r.id(listed.get().id()))
                .distribution();
        DistributionConfig config = distribution.distributionConfig();
        boolean enabled = Boolean.TRUE.equals(config.enabled());
        String detail = distribution.id() + " " + distribution.status() + (enabled ? "" : ", disabled") + ", "
                + originOrder(config);
        findings.check("Deployed".equals(distribution.status()) && enabled, EDGE, Distributions.ROLE, detail);
        return Optional.of(distribution);
    }

    /** DR alone once promote-replica fenced the stack; else which web origin the origin group tries first. */
    private String originOrder(DistributionConfig config) {
        String drOrigin = DistributionSettings.originId(scope.region(RegionRole.DR));
        if (config.defaultCacheBehavior() != null && drOrigin.equals(config.defaultCacheBehavior().targetOriginId())) {
            return "serves from DR alone (fenced by promote-replica)";
        }
        Optional<String> first = config.originGroups() == null ? Optional.empty() : config.originGroups().items()
                .stream().filter(g -> DistributionSettings.ORIGIN_GROUP_ID.equals(g.id())).findFirst()
                .map(OriginGroup::members).flatMap(m -> m.items().stream().findFirst())
                .map(OriginGroupMember::originId);
        if (first.isEmpty()) {
            return "no origin group";
        }
        if (first.get().equals(DistributionSettings.originId(scope.region(RegionRole.PRIMARY)))) {
            return "origin group tries the primary first";
        }
        if (first.get().equals(DistributionSettings.originId(scope.region(RegionRole.DR)))) {
            return "origin group tries DR first (fenced by promote-replica)";
        }
        return "origin group tries " + first.get() + " first";
    }

    private void webAcl(Optional<Distribution> distribution) {
        Optional<StackResource> acl = scope.find(ResourceKind.WEB_ACL, StackResource.GLOBAL, WebAclStep.ROLE);
        if (acl.isEmpty()) {
            if (!scope.reachable(Regions.GLOBAL_EDGE)) {
                findings.warn(EDGE, WebAclStep.ROLE, "cannot be read: the WAF endpoint in " + Regions.GLOBAL_EDGE
                        + " is unreachable");
            } else {
                findings.problem(EDGE, WebAclStep.ROLE, scope.absent(ResourceKind.WEB_ACL, StackResource.GLOBAL));
            }
            return;
        }
        String arn = acl.get().attribute(Attributes.ARN);
        String attached = distribution.map(d -> d.distributionConfig().webACLId()).orElse(null);
        boolean isAttached = arn != null && arn.equals(attached);
        findings.check(isAttached, EDGE, WebAclStep.ROLE, acl.get().attribute(Attributes.NAME)
                + (isAttached ? " attached to the distribution" : " not attached (distribution has "
                + (attached == null || attached.isEmpty() ? "none" : attached) + ")"));
    }

    private void certificates() {
        List<StackResource> certificates = scope.inventory().ofKind(ResourceKind.CERTIFICATE);
        if (certificates.isEmpty()) {
            if (domain().isPresent()) {
                findings.problem(TLS, "certificates", "none found for " + domain().get());
            } else {
                findings.ok(TLS, "certificates", "none (no domain: HTTP only)");
            }
            return;
        }
        for (StackResource certificate : certificates) {
            // The primary's own load balancer certificate matters to the primary only; CloudFront's (us-east-1) and
            // DR's serve traffic after failover.
            boolean primaryOnly = scope.region(RegionRole.PRIMARY).equals(certificate.region())
                    && !CertificateSteps.CDN_ROLE.equals(certificate.role());
            Verdict verdict = "ISSUED".equals(certificate.state()) ? Verdict.OK
                    : primaryOnly ? Verdict.WARN : Verdict.FAIL;
            findings.add(new Finding(certificate.region(), TLS, certificate.role(), verdict,
                    certificate.attribute(Attributes.DOMAIN) + " " + certificate.state(),
                    Map.of("arn", certificate.id())));
        }
    }

    private Optional<String> domain() {
        List<String> aliases = scope.inventory().ofKind(ResourceKind.DISTRIBUTION).stream()
                .map(d -> d.attribute(Attributes.ALIASES)).filter(Objects::nonNull)
                .flatMap(a -> Arrays.stream(a.split(","))).toList();
        return StackDomain.of(scope.spec(), aliases);
    }

    /** {@code api.<domain>} PRIMARY → primary app ALB with the health check, SECONDARY → DR app ALB. */
    private void records(Optional<Distribution> distribution) {
        Optional<String> domain = domain();
        if (domain.isEmpty()) {
            findings.ok(EDGE, FailoverRecordsStep.ROLE,
                    "none (no domain: reach the app load balancers by their own names)");
            return;
        }
        if (!scope.reachable(StackResource.GLOBAL)) {
            findings.problem(EDGE, FailoverRecordsStep.ROLE, "cannot be read: Route 53 unreachable");
            return;
        }
        Optional<ApiRecords> records = ApiRecords.find(scope.clients().route53(), scope.spec(), domain.get());
        if (records.isEmpty()) {
            findings.problem(EDGE, FailoverRecordsStep.ROLE, "no public hosted zone for " + domain.get());
            return;
        }
        String primaryAlb = albDnsName(RegionRole.PRIMARY);
        String drAlb = albDnsName(RegionRole.DR);
        ApiRecords api = records.get();
        if (api.secondary().isEmpty() || !ApiRecords.aliases(api.secondary(), drAlb)) {
            findings.problem(EDGE, FailoverRecordsStep.ROLE, api.name() + " SECONDARY " + describe(api.secondary())
                    + " (expected the DR app load balancer " + drAlb + ")");
        } else if (api.primary().isEmpty()) {
            findings.problem(EDGE, FailoverRecordsStep.ROLE, api.name() + " has no PRIMARY record");
        } else if (ApiRecords.aliases(api.primary(), drAlb)) {
            findings.warn(EDGE, FailoverRecordsStep.ROLE, api.name() + " PRIMARY and SECONDARY both name DR " + drAlb
                    + " (fenced by promote-replica)");
        } else if (!scope.reachable(scope.region(RegionRole.PRIMARY))) {
            findings.warn(EDGE, FailoverRecordsStep.ROLE, api.name() + " PRIMARY " + describe(api.primary())
                    + "; the primary region is unreachable, so its load balancer cannot be compared");
        } else if (ApiRecords.aliases(api.primary(), primaryAlb) && api.primary().get().healthCheckId() != null) {
            findings.ok(EDGE, FailoverRecordsStep.ROLE, api.name() + " PRIMARY -> " + primaryAlb + " (health check "
                    + api.primary().get().healthCheckId() + "), SECONDARY -> " + drAlb);
        } else {
            findings.problem(EDGE, FailoverRecordsStep.ROLE, api.name() + " PRIMARY " + describe(api.primary())
                    + " (expected the primary app load balancer " + primaryAlb + " with the health check)");
        }
    }

    private String albDnsName(RegionRole role) {
        return scope.find(ResourceKind.LOAD_BALANCER, scope.region(role), LoadBalancingRoles.loadBalancer(Tier.APP))
                .map(alb -> alb.attribute(Attributes.DNS_NAME)).orElseGet(() -> scope.unverified(
                        ResourceKind.LOAD_BALANCER, scope.region(role)).map(why -> "(" + why + ")")
                        .orElse("(not found)"));
    }

    private static String describe(Optional<ResourceRecordSet> record) {
        return record.map(r -> r.aliasTarget() == null ? "is not an alias" : "-> " + r.aliasTarget().dnsName()
                + (r.healthCheckId() == null ? "" : " (health check " + r.healthCheckId() + ")")).orElse("missing");
    }
}
