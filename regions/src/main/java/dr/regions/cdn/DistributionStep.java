package dr.regions.cdn;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.certificates.CertificateSteps;
import dr.regions.dns.AppRecordStep;
import dr.regions.firewall.WebAclStep;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFront distribution in front of the two web load balancers (see {@link DistributionSettings} for what it
 * is), protected by the stack's web ACL, with {@code app.<domain>} and the us-east-1 certificate when there is a
 * domain; waits until {@code Deployed}.
 *
 * <p>CloudFront lists distributions without tags or caller references, so dr gives its distribution the comment
 * {@code dr/<stack>/distribution} and finds it by that, or by its tags ({@code dr:stack}, {@code dr:role}) if the
 * comment was edited; tags go on with the create (CreateDistributionWithTags), and comment and tags are repaired.
 * A drifted configuration is updated with the ETag of the config just read, so a concurrent change is refused
 * (PreconditionFailed) rather than overwritten.
 */
public final class DistributionStep extends EnsureStep {
    public static final StepKey KEY = StepKey.global(Distributions.ROLE);

    private final StackSpec spec;
    private final AwsClients clients;
    private final boolean drFirst;
    private String arn;
    private String domainName;
    private String status;

    public DistributionStep(StackSpec spec, AwsClients clients) {
        this(spec, clients, false);
    }

    /**
     * {@code drFirst}: the stack is failed over: the default behavior stays on the DR origin alone, as promote-replica's
     * fence leaves it.
     */
    public DistributionStep(StackSpec spec, AwsClients clients, boolean drFirst) {
        super(KEY, dependencies(spec), "AWS::CloudFront::Distribution", ModeledDurations.CLOUDFRONT_DEPLOY);
        this.spec = spec;
        this.clients = clients;
        this.drFirst = drFirst;
    }

    private static List<StepKey> dependencies(StackSpec spec) {
        List<StepKey> keys = new ArrayList<>();
        keys.add(webLoadBalancer(spec.primaryRegion()));
        keys.add(webLoadBalancer(spec.drRegion()));
        keys.add(WebAclStep.KEY);
        if (spec.hasDomain()) {
            keys.add(CertificateSteps.cdnKey());
        }
        return keys;
    }

    private static StepKey webLoadBalancer(String region) {
        return StepKey.of(region, LoadBalancingRoles.loadBalancer(Tier.WEB));
    }

    /** The longest one viewer request waits on a dead primary origin before the DR origin is tried. */
    public static Duration worstCasePerRequest() {
        return DistributionSettings.WORST_CASE_PER_REQUEST;
    }

    String comment() {
        return Distributions.comment(spec.stack());
    }

    /** By comment; failing that (someone edited the comment) by tags ({@link Distributions#ofStack}). */
    @Override
    protected Optional<String> find(StepContext context) {
        Optional<DistributionSummary> found = Distributions.ofStack(cloudFront(), spec.stack());
        found.ifPresent(summary -> {
            arn = summary.arn();
            domainName = summary.domainName();
            status = summary.status();
        });
        return found.map(DistributionSummary::id);
    }

    @Override
    protected String create(StepContext context) {
        String callerReference = comment() + "/" + context.clock().now().toEpochMilli();
        var distribution = cloudFront().createDistributionWithTags(r -> r.distributionConfigWithTags(c -> c
                .distributionConfig(settings(context).newConfig(callerReference))
                .tags(t -> t.items(tags())))).distribution();
        arn = distribution.arn();
        domainName = distribution.domainName();
        status = distribution.status();
        return distribution.id();
    }

    @Override
    protected boolean converge(StepContext context, String id) {
        GetDistributionConfigResponse current = cloudFront().getDistributionConfig(r -> r.id(id));
        DistributionSettings settings = settings(context);
        boolean drifted = !DistributionShape.of(settings.update(current.distributionConfig()))
                .equals(DistributionShape.of(current.distributionConfig()));
        if (drifted) {
            status = cloudFront().updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                    .distributionConfig(settings.update(current.distributionConfig()))).distribution().status();
        }
        return tag() | drifted;
    }

    private boolean tag() {
        Map<String, String> present = Distributions.tags(cloudFront(), arn);
        List<Tag> missing = tags().stream().filter(t -> !t.value().equals(present.get(t.key()))).toList();
        if (missing.isEmpty()) {
            return false;
        }
        cloudFront().tagResource(r -> r.resource(arn).tags(t -> t.items(missing)));
        return true;
    }

    @Override
    protected ResourceState readiness(StepContext context, String id) {
        if (!"Deployed".equals(status)) {
            status = cloudFront().getDistribution(r -> r.id(id)).distribution().status();
        }
        return ResourceState.of(status, "Deployed");
    }

    /**
     * {@code id}, {@code arn}, {@code domainName} ({@code d....cloudfront.net}), {@code hostedZoneId} (CloudFront's,
     * for alias records) and {@code worstCaseSeconds} per request on a dead primary origin.
     */
    @Override
    protected Map<String, String> outputs(StepContext context, String id) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("id", id);
        outputs.put("arn", arn);
        outputs.put("domainName", domainName);
        outputs.put("hostedZoneId", AppRecordStep.CLOUDFRONT_ZONE_ID);
        outputs.put("worstCaseSeconds", String.valueOf(worstCasePerRequest().toSeconds()));
        return outputs;
    }

    DistributionSettings settings(StepContext context) {
        return new DistributionSettings(
                comment(),
                spec.hasDomain() ? List.of(spec.appRecordName()) : List.of(),
                spec.hasDomain() ? context.require(CertificateSteps.cdnKey(), "arn") : null,
                context.require(WebAclStep.KEY, "arn"),
                spec.primaryRegion(), context.require(webLoadBalancer(spec.primaryRegion()), "dnsName"),
                spec.drRegion(), context.require(webLoadBalancer(spec.drRegion()), "dnsName"),
                spec.hasDomain(), drFirst);
    }

    private List<Tag> tags() {
        return AwsTags.cloudFront(Tags.forGlobal(spec.stack(), Distributions.ROLE));
    }

    private CloudFrontClient cloudFront() {
        return clients.cloudFront();
    }
}
