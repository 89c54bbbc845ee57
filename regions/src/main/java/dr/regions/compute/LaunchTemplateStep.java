package dr.regions.compute;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.identity.IdentityRoles;
import dr.regions.images.UserData;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.topology.Tier;
import dr.regions.network.Ec2Tags;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateHttpTokensState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateIamInstanceProfileSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tier's launch template: the region's golden image, the tier's instance type and security group, the tier's boot
 * script, instances tagged as the tier, and instance metadata only through IMDSv2 session tokens with a hop limit of
 * one (a request forged through the application, or from a container, cannot read the instance's credentials). The app
 * tier's instances also carry the stack's app instance profile, whose role may connect to the databases with IAM
 * authentication ({@code dr.regions.identity}); the web tier needs no AWS access and gets none, only the name of its
 * region's app load balancer, to pass the drill's probe path on ({@link UserData#SERVED_PATH}). Found
 * by name. When the image, instance type, security group, user data, instance profile or metadata setting drifts, a new
 * version is made the default, which the Auto Scaling group launches from ({@code $Default}); running instances are
 * not replaced.
 */
public final class LaunchTemplateStep extends EnsureStep {
    static final String DEFAULT_VERSION = "$Default";
    private static final String LATEST_VERSION = "$Latest";

    private final RegionTarget target;
    private final Tier tier;

    public LaunchTemplateStep(RegionTarget target, Tier tier) {
        super(target.key(ComputeRoles.launchTemplate(tier)), dependencies(target, tier),
                "AWS::EC2::LaunchTemplate", ModeledDurations.IMMEDIATE);
        this.target = target;
        this.tier = tier;
    }

    private static List<StepKey> dependencies(RegionTarget target, Tier tier) {
        List<StepKey> keys = new ArrayList<>(List.of(target.key(tier.imageRole()),
                target.key(tier.instanceGroup().role())));
        if (tier == Tier.APP) {
            keys.add(IdentityRoles.APP_PROFILE_KEY);
        } else {
            keys.add(appLoadBalancer(target));
        }
        return keys;
    }

    String name() {
        return target.name(ComputeRoles.launchTemplate(tier));
    }

    @Override
    protected Optional<String> find(StepContext context) {
        return ec2().describeLaunchTemplates(r -> r.filters(Ec2Tags.filter("launch-template-name", name())))
                .launchTemplates().stream().map(LaunchTemplate::launchTemplateId).findFirst();
    }

    @Override
    protected String create(StepContext context) {
        markCreatedByThisRun(context);
        return ec2().createLaunchTemplate(r -> r.launchTemplateName(name())
                        .versionDescription(description())
                        .launchTemplateData(data(context))
                        .tagSpecifications(Ec2Tags.specification(ResourceType.LAUNCH_TEMPLATE,
                                target.tags(ComputeRoles.launchTemplate(tier)))))
                .launchTemplate().launchTemplateId();
    }

    @Override
    protected boolean converge(StepContext context, String templateId) {
        if (createdByThisRun(context)) {
            return false;
        }
        List<LaunchTemplateVersion> versions = ec2().describeLaunchTemplateVersions(r -> r
                .launchTemplateId(templateId).versions(DEFAULT_VERSION, LATEST_VERSION)).launchTemplateVersions();
        RequestLaunchTemplateData wanted = data(context);
        LaunchTemplateVersion current = versions.stream().filter(v -> Boolean.TRUE.equals(v.defaultVersion()))
                .findFirst().orElseThrow(() -> new IllegalStateException("launch template " + templateId
                        + " has no default version"));
        if (matches(current.launchTemplateData(), wanted)) {
            return false;
        }
        LaunchTemplateVersion latest = versions.stream()
                .max(Comparator.comparing(LaunchTemplateVersion::versionNumber)).orElseThrow();
        // A run that stopped between creating the version and making it the default left the right one as latest.
        long version = matches(latest.launchTemplateData(), wanted) ? latest.versionNumber()
                : ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(templateId)
                        .versionDescription(description()).launchTemplateData(wanted))
                .launchTemplateVersion().versionNumber();
        ec2().modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion(Long.toString(version)));
        return true;
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String templateId) {
        return Map.of("id", templateId, "name", name());
    }

    private RequestLaunchTemplateData data(StepContext context) {
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder();
        if (tier == Tier.APP) {
            data.iamInstanceProfile(LaunchTemplateIamInstanceProfileSpecificationRequest.builder()
                    .arn(context.require(IdentityRoles.APP_PROFILE_KEY, "arn")).build());
        }
        return data
                .imageId(context.require(target.key(tier.imageRole()), "id"))
                .instanceType(instanceType())
                .securityGroupIds(context.require(target.key(tier.instanceGroup().role()), "id"))
                .userData(UserData.bootBase64(tier, target.region(), servedNext(context)))
                .metadataOptions(LaunchTemplateInstanceMetadataOptionsRequest.builder()
                        .httpEndpoint(LaunchTemplateInstanceMetadataEndpointState.ENABLED)
                        .httpTokens(LaunchTemplateHttpTokensState.REQUIRED)
                        .httpPutResponseHopLimit(1)
                        .build())
                .tagSpecifications(LaunchTemplateTagSpecificationRequest.builder()
                        .resourceType(ResourceType.INSTANCE)
                        .tags(Ec2Tags.toTags(target.tags(tier.role())))
                        .build())
                .build();
    }

    /** Where the tier sends {@link UserData#SERVED_PATH}: web to the app load balancer, app to the database. */
    private String servedNext(StepContext context) {
        return tier == Tier.WEB ? context.require(appLoadBalancer(target), "dnsName") : target.spec().dbRecordName();
    }

    private static StepKey appLoadBalancer(RegionTarget target) {
        return target.key(LoadBalancingRoles.loadBalancer(Tier.APP));
    }

    private static boolean matches(ResponseLaunchTemplateData data, RequestLaunchTemplateData wanted) {
        return data != null
                && Objects.equals(data.imageId(), wanted.imageId())
                && Objects.equals(data.instanceTypeAsString(), wanted.instanceTypeAsString())
                && Objects.equals(data.securityGroupIds(), wanted.securityGroupIds())
                && Objects.equals(data.userData(), wanted.userData())
                && Objects.equals(data.iamInstanceProfile() == null ? null : data.iamInstanceProfile().arn(),
                        wanted.iamInstanceProfile() == null ? null : wanted.iamInstanceProfile().arn())
                && data.metadataOptions() != null
                && LaunchTemplateHttpTokensState.REQUIRED == data.metadataOptions().httpTokens();
    }

    private String instanceType() {
        return tier == Tier.WEB ? target.spec().webInstanceType() : target.spec().appInstanceType();
    }

    private String description() {
        return "dr " + tier.role() + " tier of stack " + target.stack();
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
