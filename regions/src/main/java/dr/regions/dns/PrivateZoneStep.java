package dr.regions.dns;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.VPCRegion;

import java.util.List;
import java.util.Optional;

/** The region's private hosted zone (the internal zone), associated with the region's VPC. */
public final class PrivateZoneStep extends EnsureStep {
    public static final String ROLE = "private-zone";

    private final RegionTarget target;

    public PrivateZoneStep(RegionTarget target) {
        super(target.key(ROLE), List.of(target.key(NetworkRoles.VPC)), "AWS::Route53::HostedZone",
                ModeledDurations.HOSTED_ZONE_CREATE);
        this.target = target;
    }

    private String callerPrefix() {
        return "dr/" + target.stack() + "/" + target.region() + "/" + ROLE + "/";
    }

    @Override
    protected Optional<String> find(StepContext context) {
        return HostedZones.withCallerPrefix(route53(), target.spec().internalZone(), callerPrefix()).map(HostedZone::id);
    }

    @Override
    protected String create(StepContext context) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        // Unique per attempt: Route 53 refuses a CallerReference it has seen before, even for a deleted zone.
        String callerReference = callerPrefix() + context.clock().now().toEpochMilli();
        return route53().createHostedZone(r -> r.name(target.spec().internalZone())
                .callerReference(callerReference)
                .hostedZoneConfig(c -> c.privateZone(true).comment("dr stack " + target.stack() + " internal names"))
                .vpc(v -> v.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(target.region())))).hostedZone().id();
    }

    @Override
    protected boolean converge(StepContext context, String zoneId) {
        String bare = Route53Ids.zone(zoneId);
        var present = route53().listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(bare))
                .resourceTagSet().tags();
        List<Tag> wanted = AwsTags.route53(target.tags(ROLE));
        if (present.containsAll(wanted)) {
            return false;
        }
        route53().changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(bare).addTags(wanted));
        return true;
    }

    private Route53Client route53() {
        return target.clients().route53();
    }
}
