package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfile;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Instances: launched from an available AMI of this region, directly or from a launch template;
 * {@code pending → running}, {@code shutting-down → terminated}, and listed for about an hour once terminated.
 * A live instance keeps its subnet and security groups from deletion.
 */
final class InstanceOperations {
    /** What RunInstances launches when no type is given (the API reference's default). */
    private static final String DEFAULT_TYPE = "m1.small";

    private static final Set<String> FILTERS = Set.of("instance-id", "instance-state-name", "instance-state-code",
            "vpc-id", "subnet-id", "image-id", "instance-type", "availability-zone", "private-ip-address",
            "ip-address", "reservation-id", "iam-instance-profile.arn", "instance.group-id");
    private static final Set<String> TAGGABLE = Set.of("instance", "volume", "network-interface",
            "spot-instances-request");
    /** Launch-time limit on user data (EC2 user guide, "Run commands at launch"). */
    private static final int MAX_USER_DATA_BYTES = 16 * 1024;

    private final Ec2Context ctx;
    private final LaunchTemplateOperations launchTemplates;

    InstanceOperations(Ec2Context ctx, LaunchTemplateOperations launchTemplates) {
        this.ctx = ctx;
        this.launchTemplates = launchTemplates;
    }

    /** What to launch, once the request and its launch template are merged (the request wins). */
    private static final class Launch {
        String imageId;
        String instanceType;
        String subnetId;
        List<String> securityGroupIds = new ArrayList<>();
        List<String> securityGroupNames = new ArrayList<>();
        String userData;
        String keyName;
        String iamInstanceProfileArn;
        Boolean associatePublicIp;
        Map<String, String> tags = new LinkedHashMap<>();
        String templateId;
        String templateVersion;
    }

    RunInstancesResponse runInstances(RunInstancesRequest request) {
        Ec2Errors.require(request.minCount(), "MinCount");
        Ec2Errors.require(request.maxCount(), "MaxCount");
        if (request.minCount() < 1 || request.maxCount() < request.minCount()) {
            throw Ec2Errors.invalidValue("MinCount/MaxCount", request.minCount() + "/" + request.maxCount());
        }
        String tokenKey = request.clientToken() == null ? null : "RunInstances:" + request.clientToken();
        if (tokenKey != null && ctx.state.clientTokens.containsKey(tokenKey)) {
            String reservationId = ctx.state.clientTokens.get(tokenKey);
            List<Ec2State.Instance> earlier = ctx.state.instances.values().stream()
                    .filter(i -> i.reservationId.equals(reservationId)).toList();
            if (!earlier.isEmpty()) {
                return response(reservationId, earlier);
            }
        }
        Launch launch = merge(request);
        Ec2Errors.require(launch.imageId, "ImageId");
        Ec2State.Image image = ctx.image(launch.imageId);
        if (!ctx.stateOf(image.timeline).equals("available")) {
            throw Ec2Errors.error("InvalidAMIID.Unavailable",
                    "AMI '" + image.id + "' is " + ctx.stateOf(image.timeline) + ", and cannot be run");
        }
        if (!SandboxZones.INSTANCE_TYPES.contains(launch.instanceType) && !launch.instanceType.equals(DEFAULT_TYPE)) {
            // A type EC2 does not have at all: "InvalidParameterValue: Invalid value 't3.nano' for InstanceType."
            // (getmoto/moto issue 1695, quoting AWS; CloudSlang/cs-actions issue 308 shows the same response).
            throw Ec2Errors.invalidValue("Invalid value '" + launch.instanceType + "' for InstanceType.");
        }
        if (launch.subnetId == null) {
            throw Ec2Errors.error("VPCIdNotSpecified", "No default VPC for this user");
        }
        Ec2State.Subnet subnet = ctx.subnet(launch.subnetId);
        checkOffered(launch.instanceType, subnet.availabilityZone);
        List<String> groups = securityGroups(launch, subnet);
        checkUserData(launch.userData);
        String reservationId = ctx.newId("r");
        List<Ec2State.Instance> launched = new ArrayList<>();
        for (int index = 0; index < request.maxCount(); index++) {
            launched.add(launchOne(launch, subnet, groups, reservationId, index, request.clientToken()));
        }
        if (tokenKey != null) {
            ctx.state.clientTokens.put(tokenKey, reservationId);
        }
        return response(reservationId, launched);
    }

    private Launch merge(RunInstancesRequest request) {
        Launch launch = new Launch();
        if (request.launchTemplate() != null) {
            LaunchTemplateOperations.Resolved resolved = launchTemplates.resolve(
                    request.launchTemplate().launchTemplateId(), request.launchTemplate().launchTemplateName(),
                    request.launchTemplate().version());
            Ec2State.TemplateData data = resolved.version().data;
            launch.imageId = data.imageId;
            launch.instanceType = data.instanceType;
            launch.securityGroupIds.addAll(data.securityGroupIds);
            launch.securityGroupNames.addAll(data.securityGroupNames);
            launch.userData = data.userData;
            launch.keyName = data.keyName;
            launch.iamInstanceProfileArn = profileArn(data.iamInstanceProfileArn, data.iamInstanceProfileName);
            launch.tags.putAll(data.tagSpecifications.getOrDefault("instance", Map.of()));
            launch.templateId = resolved.template().id;
            launch.templateVersion = String.valueOf(resolved.version().number);
        }
        InstanceNetworkInterfaceSpecification primary = request.networkInterfaces().stream()
                .filter(n -> n.deviceIndex() == null || n.deviceIndex() == 0).findFirst().orElse(null);
        if (primary != null) {
            if (request.subnetId() != null) {
                throw Ec2Errors.combination("Network interfaces and an instance-level subnet ID may not be specified "
                        + "on the same request");
            }
            if (!request.securityGroupIds().isEmpty() || !request.securityGroups().isEmpty()) {
                throw Ec2Errors.combination("Network interfaces and an instance-level security groups may not be "
                        + "specified on the same request");
            }
            launch.subnetId = primary.subnetId();
            if (!primary.groups().isEmpty()) {
                launch.securityGroupIds = new ArrayList<>(primary.groups());
            }
            launch.associatePublicIp = primary.associatePublicIpAddress();
        }
        launch.imageId = or(request.imageId(), launch.imageId);
        launch.instanceType = or(request.instanceTypeAsString(), or(launch.instanceType, DEFAULT_TYPE));
        launch.subnetId = or(request.subnetId(), launch.subnetId);
        if (!request.securityGroupIds().isEmpty()) {
            launch.securityGroupIds = new ArrayList<>(request.securityGroupIds());
        }
        if (!request.securityGroups().isEmpty()) {
            launch.securityGroupNames = new ArrayList<>(request.securityGroups());
        }
        launch.userData = or(request.userData(), launch.userData);
        launch.keyName = or(request.keyName(), launch.keyName);
        if (request.iamInstanceProfile() != null) {
            launch.iamInstanceProfileArn = profileArn(request.iamInstanceProfile().arn(),
                    request.iamInstanceProfile().name());
        }
        launch.tags.putAll(Ec2Tags.fromSpecifications(request.tagSpecifications(), "instance", TAGGABLE));
        return launch;
    }

    private static String profileArn(String arn, String name) {
        if (arn != null) {
            return arn;
        }
        return name == null ? null : "arn:aws:iam::" + World.ACCOUNT_ID + ":instance-profile/" + name;
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /** The groups by id and name, all in the subnet's VPC; none given means the VPC's default group. */
    private List<String> securityGroups(Launch launch, Ec2State.Subnet subnet) {
        List<String> ids = new ArrayList<>();
        for (String id : launch.securityGroupIds) {
            Ec2State.SecurityGroup group = ctx.securityGroup(id);
            if (!group.vpcId.equals(subnet.vpcId)) {
                throw Ec2Errors.error("InvalidParameter", "Security group " + id + " and subnet " + subnet.id
                        + " belong to different networks.");
            }
            ids.add(id);
        }
        for (String name : launch.securityGroupNames) {
            ids.add(ctx.state.securityGroups.values().stream()
                    .filter(g -> g.vpcId.equals(subnet.vpcId) && g.groupName.equals(name))
                    .map(g -> g.id).findFirst()
                    .orElseThrow(() -> Ec2Errors.error("InvalidGroup.NotFound",
                            "The security group '" + name + "' does not exist in VPC '" + subnet.vpcId + "'")));
        }
        if (ids.isEmpty()) {
            ids.add(ctx.vpc(subnet.vpcId).defaultSecurityGroupId);
        }
        return ids;
    }

    /**
     * A known type the subnet's zone does not offer is refused as AWS does: "Unsupported: Your requested instance
     * type (t3.micro) is not supported in your requested Availability Zone (us-east-1e). Please retry your request
     * by not specifying an Availability Zone or choosing us-east-1a, ..." (ned1313/Getting-Started-Terraform issue
     * 44; pulumi/pulumi-awsx issue 384).
     */
    private void checkOffered(String instanceType, String zoneName) {
        SandboxZones.Zone zone = SandboxZones.find(ctx.region, zoneName).orElse(null);
        if (zone == null || !SandboxZones.INSTANCE_TYPES.contains(instanceType) || zone.offers(instanceType)) {
            return;
        }
        List<String> others = SandboxZones.of(ctx.region).stream()
                .filter(z -> z.isAvailabilityZone() && z.offers(instanceType)).map(SandboxZones.Zone::name).toList();
        throw Ec2Errors.error("Unsupported", "Your requested instance type (" + instanceType + ") is not supported in "
                + "your requested Availability Zone (" + zoneName + "). Please retry your request by not specifying an "
                + "Availability Zone or choosing " + String.join(", ", others) + ".");
    }

    static void checkUserData(String userData) {
        if (userData == null) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(userData);
        } catch (IllegalArgumentException e) {
            throw Ec2Errors.error("InvalidUserData.Malformed", "Invalid BASE64 encoding of user data.");
        }
        if (decoded.length > MAX_USER_DATA_BYTES) {
            throw Ec2Errors.invalidValue("User data is limited to " + MAX_USER_DATA_BYTES + " bytes");
        }
    }

    private Ec2State.Instance launchOne(Launch launch, Ec2State.Subnet subnet, List<String> groups,
            String reservationId, int index, String clientToken) {
        Ec2State.Instance instance = new Ec2State.Instance();
        instance.id = ctx.newId("i");
        instance.reservationId = reservationId;
        instance.imageId = launch.imageId;
        instance.instanceType = launch.instanceType;
        instance.subnetId = subnet.id;
        instance.vpcId = subnet.vpcId;
        instance.availabilityZone = subnet.availabilityZone;
        instance.securityGroupIds = new ArrayList<>(groups);
        instance.userData = launch.userData;
        instance.keyName = launch.keyName;
        instance.iamInstanceProfileArn = launch.iamInstanceProfileArn;
        instance.privateIp = Ec2Context.nextPrivateIp(subnet);
        boolean publicIp = launch.associatePublicIp != null ? launch.associatePublicIp : subnet.mapPublicIpOnLaunch;
        instance.publicIp = publicIp ? ctx.newPublicIp() : null;
        instance.networkInterfaceId = ctx.newId("eni");
        instance.launchTemplateId = launch.templateId;
        instance.launchTemplateVersion = launch.templateVersion;
        instance.clientToken = clientToken;
        instance.launchIndex = index;
        instance.launchTime = ctx.now();
        instance.tags = new LinkedHashMap<>(launch.tags);
        if (launch.templateId != null) {
            // EC2 tags instances launched from a template with the template's id and version.
            instance.tags.put("aws:ec2launchtemplate:id", launch.templateId);
            instance.tags.put("aws:ec2launchtemplate:version", launch.templateVersion);
        }
        instance.timeline = Timeline.startingAt(ctx.now(), "pending").then("running", ModeledDurations.INSTANCE_BOOT);
        ctx.state.instances.put(instance.id, ctx.created(instance));
        List<String> used = new ArrayList<>(groups);
        used.add(subnet.id);
        ctx.world.dependencies.use(instance.id, used.toArray(String[]::new));
        return instance;
    }

    private RunInstancesResponse response(String reservationId, List<Ec2State.Instance> instances) {
        return RunInstancesResponse.builder()
                .reservationId(reservationId)
                .ownerId(World.ACCOUNT_ID)
                .groups(groupIdentifiers(instances.get(0)))
                .instances(instances.stream().map(this::toSdk).toList())
                .build();
    }

    TerminateInstancesResponse terminateInstances(TerminateInstancesRequest request) {
        if (request.instanceIds().isEmpty()) {
            throw Ec2Errors.missing("InstanceId");
        }
        List<Ec2State.Instance> instances = request.instanceIds().stream().map(ctx::instance).toList();
        List<InstanceStateChange> changes = new ArrayList<>();
        for (Ec2State.Instance instance : instances) {
            String previous = ctx.instanceState(instance);
            if (!previous.equals("shutting-down") && !previous.equals("terminated")) {
                instance.timeline.restart(ctx.now(), "shutting-down")
                        .then("terminated", ModeledDurations.INSTANCE_TERMINATE);
            }
            // Other services stop seeing the instance as a user at once; EC2's own checks wait for "terminated".
            ctx.world.dependencies.release(instance.id);
            changes.add(InstanceStateChange.builder()
                    .instanceId(instance.id)
                    .previousState(state(previous))
                    .currentState(state(ctx.instanceState(instance)))
                    .build());
        }
        return TerminateInstancesResponse.builder().terminatingInstances(changes).build();
    }

    DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
        ctx.sweepExpired();
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<Ec2State.Instance> instances = ctx.select(ctx.state.instances, request.instanceIds(),
                id -> Ec2Errors.notFound("InvalidInstanceID.NotFound", "instance", id), filter, this::attribute);
        Ec2Pages.Page<Ec2State.Instance> page =
                Ec2Pages.page(instances, request.maxResults(), request.nextToken(), 5, 1000);
        Map<String, List<Ec2State.Instance>> byReservation = new LinkedHashMap<>();
        page.items().forEach(i -> byReservation.computeIfAbsent(i.reservationId, r -> new ArrayList<>()).add(i));
        List<Reservation> reservations = new ArrayList<>();
        byReservation.forEach((reservationId, members) -> reservations.add(Reservation.builder()
                .reservationId(reservationId)
                .ownerId(World.ACCOUNT_ID)
                .groups(List.of())
                .instances(members.stream().map(this::toSdk).toList())
                .build()));
        return DescribeInstancesResponse.builder().reservations(reservations).nextToken(page.nextToken()).build();
    }

    private Collection<String> attribute(Ec2State.Instance instance, String name) {
        return switch (name) {
            case "instance-id" -> List.of(instance.id);
            case "instance-state-name" -> List.of(ctx.instanceState(instance));
            case "instance-state-code" -> List.of(String.valueOf(code(ctx.instanceState(instance))));
            case "vpc-id" -> List.of(instance.vpcId);
            case "subnet-id" -> List.of(instance.subnetId);
            case "image-id" -> List.of(instance.imageId);
            case "instance-type" -> List.of(instance.instanceType);
            case "availability-zone" -> List.of(instance.availabilityZone);
            case "private-ip-address" -> List.of(instance.privateIp);
            case "ip-address" -> instance.publicIp == null ? List.of() : List.of(instance.publicIp);
            case "reservation-id" -> List.of(instance.reservationId);
            case "iam-instance-profile.arn" -> instance.iamInstanceProfileArn == null ? List.of()
                    : List.of(instance.iamInstanceProfileArn);
            case "instance.group-id" -> instance.securityGroupIds;
            default -> List.of();
        };
    }

    private List<GroupIdentifier> groupIdentifiers(Ec2State.Instance instance) {
        return instance.securityGroupIds.stream().map(id -> {
            Ec2State.SecurityGroup group = ctx.state.securityGroups.get(id);
            return GroupIdentifier.builder().groupId(id).groupName(group == null ? null : group.groupName).build();
        }).toList();
    }

    private static InstanceState state(String name) {
        return InstanceState.builder().name(name).code(code(name)).build();
    }

    /** The documented InstanceState codes. */
    private static int code(String name) {
        return switch (name) {
            case "pending" -> 0;
            case "running" -> 16;
            case "shutting-down" -> 32;
            case "terminated" -> 48;
            case "stopping" -> 64;
            case "stopped" -> 80;
            default -> throw new IllegalStateException("no state code for " + name);
        };
    }

    private Instance toSdk(Ec2State.Instance instance) {
        String current = ctx.instanceState(instance);
        boolean alive = !current.equals("terminated");
        Ec2State.Image image = ctx.state.images.get(instance.imageId);
        Ec2State.Vpc vpc = ctx.state.vpcs.get(instance.vpcId);
        Instance.Builder out = Instance.builder()
                .instanceId(instance.id)
                .imageId(instance.imageId)
                .instanceType(instance.instanceType)
                .state(state(current))
                .launchTime(instance.launchTime)
                .amiLaunchIndex(instance.launchIndex)
                .placement(Placement.builder().availabilityZone(instance.availabilityZone).tenancy("default").build())
                .architecture(image == null ? "x86_64" : image.architecture)
                .rootDeviceName("/dev/xvda")
                .rootDeviceType("ebs")
                .virtualizationType("hvm")
                .hypervisor("xen")
                .clientToken(instance.clientToken)
                .keyName(instance.keyName)
                .tags(Ec2Tags.toSdk(instance.tags));
        if (alive) {
            // A terminated instance has left its network: no addresses, groups or subnet any more.
            out.subnetId(instance.subnetId)
                    .vpcId(instance.vpcId)
                    .privateIpAddress(instance.privateIp)
                    .privateDnsName(privateDnsName(instance.privateIp))
                    .securityGroups(groupIdentifiers(instance));
            if (instance.publicIp != null) {
                out.publicIpAddress(instance.publicIp);
                out.publicDnsName(vpc != null && vpc.enableDnsHostnames ? publicDnsName(instance.publicIp) : "");
            }
        } else {
            out.stateTransitionReason("User initiated")
                    .securityGroups(List.of());
        }
        if (instance.iamInstanceProfileArn != null) {
            out.iamInstanceProfile(IamInstanceProfile.builder().arn(instance.iamInstanceProfileArn).build());
        }
        return out.build();
    }

    /** {@code ip-10-0-1-4.ec2.internal} in us-east-1, {@code ip-10-0-1-4.<region>.compute.internal} elsewhere. */
    private String privateDnsName(String ip) {
        String host = "ip-" + ip.replace('.', '-');
        return ctx.region.equals("us-east-1") ? host + ".ec2.internal" : host + "." + ctx.region + ".compute.internal";
    }

    private String publicDnsName(String ip) {
        String host = "ec2-" + ip.replace('.', '-');
        return ctx.region.equals("us-east-1") ? host + ".compute-1.amazonaws.com"
                : host + "." + ctx.region + ".compute.amazonaws.com";
    }
}
