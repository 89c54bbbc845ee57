package dr.regions.discovery;

import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stack's EC2 compute in one region: instances (builders, the bastion, Auto Scaling members), the account's
 * own AMIs and snapshots, and launch templates. Terminated instances are gone, though EC2 lists them a while.
 */
final class ComputeReader extends Ec2Reader {
    ComputeReader(Ec2Client ec2, String region, StackTag stack, KindReads reads) {
        super(ec2, region, stack, reads);
    }

    /** {@code groupOfInstance}: instance id → the stack Auto Scaling group it belongs to. */
    List<StackResource> read(Map<String, String> groupOfInstance) {
        List<StackResource> found = new ArrayList<>();
        found.addAll(reads.read(region, ResourceKind.INSTANCE, () -> instances(groupOfInstance)));
        found.addAll(reads.read(region, ResourceKind.IMAGE, this::images));
        found.addAll(reads.read(region, ResourceKind.SNAPSHOT, this::snapshots));
        found.addAll(reads.read(region, ResourceKind.LAUNCH_TEMPLATE, this::launchTemplates));
        return found;
    }

    private List<StackResource> instances(Map<String, String> groupOfInstance) {
        List<StackResource> found = new ArrayList<>();
        for (Instance instance : ec2.describeInstancesPaginator(r -> r.filters(byStack)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList()) {
            Map<String, String> tags = Ec2Tags.toMap(instance.tags());
            String state = instance.state() == null ? null : instance.state().nameAsString();
            if (stack.marks(tags) && !"terminated".equals(state)) {
                found.add(StackResource.of(ResourceKind.INSTANCE, region, instance.instanceId(), tags).state(state)
                        .with(Attributes.AUTO_SCALING_GROUP, groupOfInstance.get(instance.instanceId()))
                        .with(Attributes.PUBLIC_IP, instance.publicIpAddress())
                        .with(Attributes.VPC_ID, instance.vpcId()).build());
            }
        }
        return found;
    }

    private List<StackResource> images() {
        List<StackResource> found = new ArrayList<>();
        for (Image image : ec2.describeImagesPaginator(r -> r.owners("self").filters(byStack)).images()) {
            Map<String, String> tags = Ec2Tags.toMap(image.tags());
            if (stack.marks(tags)) {
                List<String> snapshots = image.blockDeviceMappings().stream().map(BlockDeviceMapping::ebs)
                        .filter(Objects::nonNull).map(ebs -> ebs.snapshotId()).filter(Objects::nonNull).toList();
                found.add(StackResource.of(ResourceKind.IMAGE, region, image.imageId(), tags)
                        .state(image.stateAsString()).with(Attributes.NAME, image.name())
                        .with(Attributes.CREATED, image.creationDate())
                        .with(Attributes.SNAPSHOTS, snapshots.isEmpty() ? null : String.join(",", snapshots)).build());
            }
        }
        return found;
    }

    private List<StackResource> snapshots() {
        List<StackResource> found = new ArrayList<>();
        for (Snapshot snapshot : ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").filters(byStack))
                .snapshots()) {
            Map<String, String> tags = Ec2Tags.toMap(snapshot.tags());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.SNAPSHOT, region, snapshot.snapshotId(), tags)
                        .state(snapshot.stateAsString()).build());
            }
        }
        return found;
    }

    private List<StackResource> launchTemplates() {
        List<StackResource> found = new ArrayList<>();
        for (LaunchTemplate template : ec2.describeLaunchTemplatesPaginator(r -> r.filters(byStack))
                .launchTemplates()) {
            Map<String, String> tags = Ec2Tags.toMap(template.tags());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.LAUNCH_TEMPLATE, region, template.launchTemplateId(), tags)
                        .with(Attributes.NAME, template.launchTemplateName()).build());
            }
        }
        return found;
    }
}
