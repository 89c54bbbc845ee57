package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Auto Scaling asks of EC2 (subnets, launch template versions, running and terminating instances) and of
 * ELB (target groups, registering instances), through those fakes' SDK operations. The fakes are built per call:
 * the ELB fake asks Auto Scaling about instances in turn, so holding one here would make the constructors recurse.
 * Every call is an internal one: the eventual-consistency fault's miss is meant for dr's own calls, not for
 * Auto Scaling's.
 */
final class SiblingServices {
    /** A launch template version as an instance uses it. */
    record ResolvedTemplate(String id, String name, String version) {
    }

    private final World world;
    private final String region;

    SiblingServices(World world, String region) {
        this.world = world;
        this.region = region;
    }

    Optional<Subnet> subnet(String subnetId) {
        try {
            return internal(() -> ec2().describeSubnets(DescribeSubnetsRequest.builder().subnetIds(subnetId).build())
                    .subnets().stream().findFirst());
        } catch (AwsServiceException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    ResolvedTemplate launchTemplate(AutoScalingState.LaunchTemplateRef ref) {
        return launchTemplate(LaunchTemplateSpecification.builder()
                .launchTemplateId(ref.id())
                .launchTemplateName(ref.id() == null ? ref.name() : null)
                .version(ref.version())
                .build());
    }

    /**
     * The version a launch template specification names ($Default when none), or AWS's ValidationError: "You must
     * use a valid fully-formed launch template. The specified launch template, with template ID lt-..., does not
     * exist."
     */
    ResolvedTemplate launchTemplate(LaunchTemplateSpecification spec) {
        String version = spec.version() == null ? "$Default" : spec.version();
        DescribeLaunchTemplateVersionsRequest.Builder request = DescribeLaunchTemplateVersionsRequest.builder()
                .versions(version);
        String described;
        if (spec.launchTemplateId() != null) {
            request.launchTemplateId(spec.launchTemplateId());
            described = "with template ID " + spec.launchTemplateId();
        } else {
            request.launchTemplateName(spec.launchTemplateName());
            described = "with template name " + spec.launchTemplateName();
        }
        List<LaunchTemplateVersion> versions;
        try {
            versions = describeVersions(request.build());
        } catch (AwsServiceException e) {
            if (isNotFound(e)) {
                throw notFullyFormed(e.awsErrorDetails().errorCode().contains("Version")
                        ? "The specified launch template version, version " + version + ", does not exist."
                        : "The specified launch template, " + described + ", does not exist.");
            }
            throw e;
        }
        if (versions.isEmpty()) {
            throw notFullyFormed("The specified launch template, " + described + ", does not exist.");
        }
        LaunchTemplateVersion found = versions.get(0);
        return new ResolvedTemplate(found.launchTemplateId(), found.launchTemplateName(),
                String.valueOf(found.versionNumber()));
    }

    /**
     * Launches one instance from the resolved template version into the subnet, as Auto Scaling does (EC2 then keeps
     * the subnet and security groups in use until the instance is terminated). Tags marked PropagateAtLaunch go on
     * the instance.
     */
    String runInstance(ResolvedTemplate template, String subnetId, Map<String, String> tags) {
        RunInstancesRequest.Builder request = RunInstancesRequest.builder()
                .launchTemplate(software.amazon.awssdk.services.ec2.model.LaunchTemplateSpecification.builder()
                        .launchTemplateId(template.id())
                        .version(template.version())
                        .build())
                .subnetId(subnetId)
                .minCount(1)
                .maxCount(1);
        if (!tags.isEmpty()) {
            request.tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.INSTANCE)
                    .tags(tags.entrySet().stream()
                            .map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder()
                                    .key(e.getKey()).value(e.getValue()).build())
                            .toList())
                    .build());
        }
        return internal(() -> ec2().runInstances(request.build()).instances().get(0).instanceId());
    }

    /** An instance already gone is no error. */
    void terminateInstance(String instanceId) {
        try {
            internal(() -> ec2().terminateInstances(TerminateInstancesRequest.builder().instanceIds(instanceId)
                    .build()));
        } catch (AwsServiceException e) {
            if (!isNotFound(e)) {
                throw e;
            }
        }
    }

    private List<LaunchTemplateVersion> describeVersions(DescribeLaunchTemplateVersionsRequest request) {
        return internal(() -> ec2().describeLaunchTemplateVersions(request).launchTemplateVersions());
    }

    /** AWS: "Provided Target Groups may not be valid. Please ensure they exist and try again." */
    void requireTargetGroups(List<String> targetGroupArns) {
        if (targetGroupArns.isEmpty()) {
            return;
        }
        DescribeTargetGroupsRequest request = DescribeTargetGroupsRequest.builder()
                .targetGroupArns(targetGroupArns).build();
        try {
            internal(() -> elb().describeTargetGroups(request));
        } catch (TargetGroupNotFoundException e) {
            throw AsgErrors.validation("Provided Target Groups may not be valid. Please ensure they exist and "
                    + "try again.");
        }
    }

    void register(String targetGroupArn, String instanceId) {
        internal(() -> elb().registerTargets(RegisterTargetsRequest.builder()
                .targetGroupArn(targetGroupArn)
                .targets(TargetDescription.builder().id(instanceId).build())
                .build()));
    }

    /** A target group deleted in the meantime is no error: there is nothing left to deregister from. */
    void deregister(String targetGroupArn, String instanceId) {
        try {
            internal(() -> elb().deregisterTargets(DeregisterTargetsRequest.builder()
                    .targetGroupArn(targetGroupArn)
                    .targets(TargetDescription.builder().id(instanceId).build())
                    .build()));
        } catch (TargetGroupNotFoundException e) {
            // gone already
        }
    }

    /** The target group's connection-draining time (deregistration_delay.timeout_seconds), 0 if it is gone. */
    long deregistrationDelaySeconds(String targetGroupArn) {
        try {
            return internal(() -> elb().describeTargetGroupAttributes(DescribeTargetGroupAttributesRequest.builder()
                            .targetGroupArn(targetGroupArn).build()))
                    .attributes().stream()
                    .filter(a -> a.key().equals("deregistration_delay.timeout_seconds"))
                    .mapToLong(a -> Long.parseLong(a.value()))
                    .findFirst().orElse(0);
        } catch (TargetGroupNotFoundException e) {
            return 0;
        }
    }

    private static AwsServiceException notFullyFormed(String detail) {
        return AsgErrors.validation("You must use a valid fully-formed launch template. " + detail);
    }

    private static boolean isNotFound(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code != null && (code.contains("NotFound") || code.endsWith(".Malformed"));
    }

    private <T> T internal(Supplier<T> call) {
        return world.faults().internal(call);
    }

    private Ec2Client ec2() {
        return world.services().ec2(region);
    }

    private ElasticLoadBalancingV2Client elb() {
        return world.services().elb(region);
    }
}
