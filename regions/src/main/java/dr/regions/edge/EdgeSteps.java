package dr.regions.edge;

import dr.core.engine.Step;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.cdn.DistributionSettings;
import dr.regions.cdn.DistributionStep;
import dr.regions.certificates.CertificateSteps;
import dr.regions.dns.AppRecordStep;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.HealthCheckStep;
import dr.regions.firewall.WebAclStep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The global edge of a stack as steps (keys {@code global/...}): the CLOUDFRONT web ACL (us-east-1), the Route 53
 * health check on the primary app ALB, the CloudFront distribution over both web ALBs; with a domain also
 * CloudFront's certificate in us-east-1, the {@code api.<domain>} failover records and the {@code app.<domain>}
 * alias. The regional ALB certificates come from {@link CertificateSteps#forRegion}. Depends on
 * {@code <region>/alb-web} and {@code <region>/alb-app} of both regions (outputs {@code dnsName},
 * {@code canonicalHostedZoneId}).
 */
public final class EdgeSteps {
    private EdgeSteps() {
    }

    public static List<Step> forStack(StackSpec spec, AwsClients clients) {
        return forStack(spec, clients, false);
    }

    /**
     * {@code pinnedToDr}: the stack is failed over (its DR database promoted); the api records and CloudFront keep
     * DR first, as promote-replica's fence left them, rather than going back to the primary.
     */
    public static List<Step> forStack(StackSpec spec, AwsClients clients, boolean pinnedToDr) {
        List<Step> steps = new ArrayList<>();
        steps.add(new WebAclStep(spec, clients));
        steps.add(new HealthCheckStep(spec, clients));
        steps.addAll(CertificateSteps.forCloudFront(spec, clients));
        steps.add(new DistributionStep(spec, clients, pinnedToDr));
        if (spec.hasDomain()) {
            steps.add(new FailoverRecordsStep(spec, clients, pinnedToDr));
            steps.add(new AppRecordStep(spec, clients, DistributionStep.KEY));
        }
        return steps;
    }

    /** Route 53 calls the primary unhealthy after this long: health-check interval × failure threshold. */
    public static Duration detectionTime(StackSpec spec) {
        return HealthCheckStep.detectionTime(spec);
    }

    /** One viewer request that meets a dead primary origin waits at most this long before the DR origin. */
    public static Duration worstCasePerRequest() {
        return DistributionStep.worstCasePerRequest();
    }

    /** The failover timings, one line each, for the plan and the summary. */
    public static List<String> notes(StackSpec spec) {
        List<String> notes = new ArrayList<>();
        String api = spec.hasDomain() ? "api." + spec.domain() : "the primary app ALB";
        notes.add("api failover: Route 53 health check every " + spec.healthCheckIntervalSeconds() + " s, unhealthy after "
                + spec.healthCheckFailureThreshold() + " failures: detection " + detectionTime(spec).toSeconds()
                + " s for " + api);
        notes.add("web failover: CloudFront gives up on a dead primary origin after "
                + DistributionSettings.CONNECTION_TIMEOUT_SECONDS + " s x " + DistributionSettings.CONNECTION_ATTEMPTS
                + " attempt = " + worstCasePerRequest().toSeconds() + " s per request, then serves from DR");
        return notes;
    }

    /** What the edge leaves out for this spec, said plainly; empty with a domain. */
    public static List<String> skipped(StackSpec spec) {
        if (spec.hasDomain()) {
            return List.of();
        }
        return List.of(
                "no --domain: no ACM certificates (regional or CloudFront) and no HTTPS listeners",
                "no --domain: no api.<domain> failover records; the health check is built, reach the app ALBs by"
                        + " their own DNS names",
                "no --domain: no app.<domain> alias; CloudFront serves on its *.cloudfront.net name with its default"
                        + " certificate");
    }
}
