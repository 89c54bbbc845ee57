package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import dr.core.model.Regions;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;
import software.amazon.awssdk.services.ec2.model.CopyImageResponse;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateImageResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * AMIs and their EBS snapshots. CreateImage and CopyImage make an image and its backing snapshot,
 * {@code pending → available} / {@code pending → completed}; a snapshot cannot be deleted while a registered
 * AMI uses it. AWS Backup's fake calls these operations directly for its recovery points.
 *
 * <p>CopyImage (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopyImage.html) is called on the
 * destination region; a source AMI the source region does not have is InvalidAMIID.NotFound (as moto's
 * {@code copy_image}, which looks the source up with {@code describe_images}); {@code Encrypted} encrypts the copied
 * snapshot with the region's default EBS key, and a copy of an encrypted snapshot is always encrypted ("you cannot
 * create an unencrypted copy of an encrypted snapshot"); tags come only from TagSpecifications (image, snapshot) and,
 * with {@code CopyImageTags}, the source's user tags; a client token used before answers with the same image.
 */
final class ImageOperations {
    /** The account Amazon publishes Amazon Linux AMIs from. */
    static final String AMAZON_OWNER_ID = "137112412989";

    private static final Set<String> IMAGE_FILTERS = Set.of("name", "image-id", "state", "owner-id", "owner-alias",
            "architecture", "description", "image-type", "is-public", "root-device-type", "virtualization-type",
            "block-device-mapping.snapshot-id", "source-instance-id");
    private static final Set<String> SNAPSHOT_FILTERS =
            Set.of("snapshot-id", "status", "owner-id", "owner-alias", "volume-id", "description");
    private static final Set<String> IMAGE_TAGGABLE = Set.of("image", "snapshot");

    private final Ec2Context ctx;

    ImageOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    CreateImageResponse createImage(CreateImageRequest request) {
        Ec2Errors.require(request.instanceId(), "InstanceId");
        Ec2Errors.require(request.name(), "Name");
        Ec2State.Instance instance = ctx.instance(request.instanceId());
        String instanceState = ctx.instanceState(instance);
        if (instanceState.equals("shutting-down") || instanceState.equals("terminated")) {
            throw Ec2Errors.error("IncorrectInstanceState",
                    "The instance '" + instance.id + "' is not in a state from which it can be imaged.");
        }
        checkName(request.name());
        ctx.state.images.values().stream()
                .filter(i -> World.ACCOUNT_ID.equals(i.ownerId) && i.name.equals(request.name())).findFirst()
                .ifPresent(i -> {
                    throw Ec2Errors.error("InvalidAMIName.Duplicate",
                            "AMI name " + request.name() + " is already in use by AMI " + i.id);
                });
        Map<String, String> imageTags =
                Ec2Tags.fromSpecifications(request.tagSpecifications(), "image", IMAGE_TAGGABLE);
        Map<String, String> snapshotTags =
                Ec2Tags.fromSpecifications(request.tagSpecifications(), "snapshot", IMAGE_TAGGABLE);
        Ec2State.Image source = ctx.state.images.get(instance.imageId);
        Ec2State.Image image = newImage(request.name(), request.description(), ModeledDurations.IMAGE_CREATE);
        image.architecture = source == null ? "x86_64" : source.architecture;
        image.volumeSize = source == null ? 8 : source.volumeSize;
        image.sourceInstanceId = instance.id;
        image.tags = imageTags;
        Ec2State.Snapshot snapshot = newSnapshot(image, "Created by CreateImage(" + instance.id + ") for " + image.id,
                ModeledDurations.IMAGE_CREATE);
        snapshot.tags = snapshotTags;
        return CreateImageResponse.builder().imageId(image.id).build();
    }

    /** Called on the destination region's client; the source image is read from the source region. */
    CopyImageResponse copyImage(CopyImageRequest request) {
        Ec2Errors.require(request.sourceRegion(), "SourceRegion");
        Ec2Errors.require(request.sourceImageId(), "SourceImageId");
        Ec2Errors.require(request.name(), "Name");
        if (!Regions.isKnown(request.sourceRegion())) {
            throw Ec2Errors.invalidValue("SourceRegion", request.sourceRegion());
        }
        String tokenKey = request.clientToken() == null ? null : "CopyImage:" + request.clientToken();
        if (tokenKey != null && ctx.state.images.containsKey(ctx.state.clientTokens.get(tokenKey))) {
            return CopyImageResponse.builder().imageId(ctx.state.clientTokens.get(tokenKey)).build();
        }
        Ec2Context sourceRegion = new Ec2Context(ctx.world, request.sourceRegion());
        Ec2State.Image source = sourceRegion.image(request.sourceImageId());
        String sourceState = sourceRegion.stateOf(source.timeline);
        if (!sourceState.equals("available")) {
            throw Ec2Errors.error("InvalidAMIID.Unavailable", "The AMI ID '" + source.id + "' is currently "
                    + sourceState + " and may not be used for this operation");
        }
        checkName(request.name());
        Map<String, String> imageTags = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(request.copyImageTags())) {
            imageTags.putAll(source.tags);
        }
        imageTags.putAll(Ec2Tags.fromSpecifications(request.tagSpecifications(), "image", IMAGE_TAGGABLE));
        Map<String, String> snapshotTags =
                Ec2Tags.fromSpecifications(request.tagSpecifications(), "snapshot", IMAGE_TAGGABLE);
        String description = request.description() != null ? request.description() : source.description;
        Ec2State.Image image = newImage(request.name(), description, ModeledDurations.IMAGE_COPY);
        image.architecture = source.architecture;
        image.volumeSize = source.volumeSize;
        image.sourceImageId = source.id;
        image.sourceImageRegion = request.sourceRegion();
        image.encrypted = source.encrypted || Boolean.TRUE.equals(request.encrypted());
        image.tags = imageTags;
        Ec2State.Snapshot snapshot = newSnapshot(image, "Copied for DestinationAmi " + image.id + " from SourceAmi "
                + source.id + " for SourceSnapshot " + source.snapshotId, ModeledDurations.IMAGE_COPY);
        snapshot.tags = snapshotTags;
        if (image.encrypted) {
            snapshot.kmsKeyId = request.kmsKeyId() != null ? request.kmsKeyId() : defaultEbsKey();
        }
        if (tokenKey != null) {
            ctx.state.clientTokens.put(tokenKey, image.id);
        }
        return CopyImageResponse.builder().imageId(image.id).build();
    }

    /** The region's AWS managed EBS key ({@code alias/aws/ebs}), one fixed id per region of the account. */
    private String defaultEbsKey() {
        return ctx.world.arn("kms", ctx.region, "key/" + UUID.nameUUIDFromBytes(("aws/ebs " + ctx.region)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static void checkName(String name) {
        if (!name.matches("[a-zA-Z0-9()\\[\\] ./\\-'@_]{3,128}")) {
            throw Ec2Errors.error("InvalidAMIName.Malformed", "AMI names must be between 3 and 128 characters long, "
                    + "and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'");
        }
    }

    private Ec2State.Image newImage(String name, String description, Duration untilAvailable) {
        Ec2State.Image image = new Ec2State.Image();
        image.id = ctx.newId("ami");
        image.name = name;
        image.description = description;
        image.ownerId = World.ACCOUNT_ID;
        image.creationDate = ctx.now();
        image.timeline = Timeline.startingAt(ctx.now(), "pending").then("available", untilAvailable);
        ctx.state.images.put(image.id, ctx.created(image));
        return image;
    }

    private Ec2State.Snapshot newSnapshot(Ec2State.Image image, String description, Duration untilCompleted) {
        Ec2State.Snapshot snapshot = new Ec2State.Snapshot();
        snapshot.id = ctx.newId("snap");
        snapshot.volumeId = ctx.newId("vol");
        snapshot.description = description;
        snapshot.ownerId = World.ACCOUNT_ID;
        snapshot.volumeSize = image.volumeSize;
        snapshot.startTime = ctx.now();
        snapshot.timeline = Timeline.startingAt(ctx.now(), "pending").then("completed", untilCompleted);
        ctx.state.snapshots.put(snapshot.id, ctx.created(snapshot));
        image.snapshotId = snapshot.id;
        return snapshot;
    }

    DeregisterImageResponse deregisterImage(DeregisterImageRequest request) {
        Ec2State.Image image = ctx.image(request.imageId());
        if (!World.ACCOUNT_ID.equals(image.ownerId)) {
            throw Ec2Errors.error("AuthFailure", "Not authorized for image:" + image.id);
        }
        // The backing snapshot stays, as in AWS; it can be deleted once no AMI uses it.
        ctx.state.images.remove(image.id);
        return DeregisterImageResponse.builder().build();
    }

    DescribeImagesResponse describeImages(DescribeImagesRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), IMAGE_FILTERS);
        List<Ec2State.Image> images = ctx.select(ctx.state.images, request.imageIds(), Ec2Context::imageNotFound,
                filter, this::attribute).stream()
                .filter(image -> request.owners().isEmpty() || request.owners().stream().anyMatch(o -> owns(o, image)))
                .toList();
        Ec2Pages.Page<Ec2State.Image> page = Ec2Pages.page(images, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeImagesResponse.builder()
                .images(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static boolean owns(String owner, Ec2State.Image image) {
        return switch (owner) {
            case "self" -> World.ACCOUNT_ID.equals(image.ownerId);
            case "amazon" -> "amazon".equals(image.ownerAlias);
            default -> owner.equals(image.ownerId);
        };
    }

    private Collection<String> attribute(Ec2State.Image image, String name) {
        return switch (name) {
            case "name" -> List.of(image.name);
            case "image-id" -> List.of(image.id);
            case "state" -> List.of(ctx.stateOf(image.timeline));
            case "owner-id" -> List.of(image.ownerId);
            case "owner-alias" -> image.ownerAlias == null ? List.of() : List.of(image.ownerAlias);
            case "architecture" -> List.of(image.architecture);
            case "description" -> image.description == null ? List.of() : List.of(image.description);
            case "image-type" -> List.of("machine");
            case "is-public" -> List.of(String.valueOf(image.ownerAlias != null));
            case "root-device-type" -> List.of("ebs");
            case "virtualization-type" -> List.of("hvm");
            case "block-device-mapping.snapshot-id" -> List.of(image.snapshotId);
            case "source-instance-id" -> image.sourceInstanceId == null ? List.of() : List.of(image.sourceInstanceId);
            default -> List.of();
        };
    }

    DescribeSnapshotsResponse describeSnapshots(DescribeSnapshotsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), SNAPSHOT_FILTERS);
        List<Ec2State.Snapshot> snapshots = ctx.select(ctx.state.snapshots, request.snapshotIds(),
                Ec2Context::snapshotNotFound, filter, this::attribute).stream()
                .filter(s -> request.ownerIds().isEmpty() || request.ownerIds().stream()
                        .anyMatch(o -> o.equals("self") ? World.ACCOUNT_ID.equals(s.ownerId) : o.equals(s.ownerId)))
                .toList();
        Ec2Pages.Page<Ec2State.Snapshot> page =
                Ec2Pages.page(snapshots, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeSnapshotsResponse.builder()
                .snapshots(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.Snapshot snapshot, String name) {
        return switch (name) {
            case "snapshot-id" -> List.of(snapshot.id);
            case "status" -> List.of(ctx.stateOf(snapshot.timeline));
            case "owner-id" -> List.of(snapshot.ownerId);
            case "volume-id" -> List.of(snapshot.volumeId);
            case "description" -> List.of(snapshot.description);
            default -> List.of();
        };
    }

    DeleteSnapshotResponse deleteSnapshot(DeleteSnapshotRequest request) {
        Ec2State.Snapshot snapshot = ctx.snapshot(request.snapshotId());
        ctx.state.images.values().stream().filter(i -> snapshot.id.equals(i.snapshotId)).findFirst()
                .ifPresent(image -> {
                    throw Ec2Errors.error("InvalidSnapshot.InUse",
                            "The snapshot " + snapshot.id + " is currently in use by " + image.id);
                });
        ctx.state.snapshots.remove(snapshot.id);
        return DeleteSnapshotResponse.builder().build();
    }

    private Image toSdk(Ec2State.Image image) {
        boolean amazon = image.ownerAlias != null;
        return Image.builder()
                .imageId(image.id)
                .name(image.name)
                .description(image.description)
                .state(ctx.stateOf(image.timeline))
                .ownerId(image.ownerId)
                .imageOwnerAlias(image.ownerAlias)
                .publicLaunchPermissions(amazon)
                .architecture(image.architecture)
                .creationDate(DateTimeFormatter.ISO_INSTANT.format(image.creationDate.truncatedTo(ChronoUnit.MILLIS)))
                .imageLocation((amazon ? "amazon" : image.ownerId) + "/" + image.name)
                .imageType("machine")
                .rootDeviceName("/dev/xvda")
                .rootDeviceType("ebs")
                .virtualizationType("hvm")
                .hypervisor("xen")
                .enaSupport(true)
                .platformDetails("Linux/UNIX")
                .usageOperation("RunInstances")
                .blockDeviceMappings(BlockDeviceMapping.builder()
                        .deviceName("/dev/xvda")
                        .ebs(EbsBlockDevice.builder()
                                .snapshotId(image.snapshotId)
                                .volumeSize(image.volumeSize)
                                .volumeType("gp3")
                                .deleteOnTermination(true)
                                .encrypted(image.encrypted)
                                .build())
                        .build())
                .sourceInstanceId(image.sourceInstanceId)
                .sourceImageId(image.sourceImageId)
                .sourceImageRegion(image.sourceImageRegion)
                .tags(Ec2Tags.toSdk(image.tags))
                .build();
    }

    private Snapshot toSdk(Ec2State.Snapshot snapshot) {
        String state = ctx.stateOf(snapshot.timeline);
        Instant completed = snapshot.timeline.enteredAt("completed");
        return Snapshot.builder()
                .snapshotId(snapshot.id)
                .volumeId(snapshot.volumeId)
                .state(state)
                .progress(state.equals("completed") ? "100%" : "0%")
                .startTime(snapshot.startTime)
                .completionTime(state.equals("completed") ? completed : null)
                .ownerId(snapshot.ownerId)
                .description(snapshot.description)
                .volumeSize(snapshot.volumeSize)
                .encrypted(snapshot.kmsKeyId != null)
                .kmsKeyId(snapshot.kmsKeyId)
                .storageTier("standard")
                .tags(Ec2Tags.toSdk(snapshot.tags))
                .build();
    }
}
