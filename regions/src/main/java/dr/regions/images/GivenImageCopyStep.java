package dr.regions.images;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.Tags;
import dr.regions.network.Ec2Tags;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import dr.regions.step.ResourceState;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tier's image in the DR region when the operator brings it: an EC2 CopyImage of the given AMI from the primary
 * region, encrypted (the region's default EBS key), tagged {@code image-<tier>} of the DR region and
 * {@value #GIVEN_IMAGE_TAG} = the primary AMI. That tag set is how a re-run finds the copy, and a different given
 * image gets a fresh copy. CopyImage takes TagSpecifications for the new AMI and its snapshots (EC2 API reference,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopyImage.html); the client token makes a retried call
 * return the copy already started rather than a second one, and {@link #converge} adds any tag the copy lacks with
 * CreateTags (an emulator may drop TagSpecifications; a copy found by the token may predate them). The copy is the
 * stack's own: cleanup deregisters it and deletes its snapshots, while the given AMI stays untouched.
 */
public final class GivenImageCopyStep extends EnsureStep {
    /** Tag on a DR copy naming the operator's primary AMI it was copied from. */
    public static final String GIVEN_IMAGE_TAG = "dr:given-image";
    /** A cross-region copy of a small root volume takes minutes, at times much longer when EC2 queues it. */
    private static final Duration TIMEOUT = Duration.ofHours(2);

    private final RegionTarget target;
    private final RegionTarget primary;
    private final Tier tier;
    private final String sourceImage;

    public GivenImageCopyStep(RegionTarget target, Tier tier) {
        super(target.key(tier.imageRole()), List.of(target.other().key(tier.imageRole())), "AWS::EC2::Image",
                ModeledDurations.IMAGE_COPY);
        this.target = target;
        this.primary = target.other();
        this.tier = tier;
        this.sourceImage = tier.givenImage(target.spec()).orElseThrow(
                () -> new IllegalArgumentException("no image given for the " + tier.role() + " tier"));
    }

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    private Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>(target.tags(tier.imageRole()));
        tags.put(GIVEN_IMAGE_TAG, sourceImage);
        return tags;
    }

    /** {@code <stack>-image-<tier>-<source AMI>}: AMI names are unique per region, so one per given image. */
    String name() {
        return target.name(tier.imageRole()) + "-" + sourceImage;
    }

    /** At most 31 + 10 + 21 characters, within EC2's 64 for a client token. */
    String clientToken() {
        return target.stack() + "-" + tier.imageRole() + "-" + sourceImage;
    }

    /** The newest copy of this source with the stack's tags, whatever its state (a failed one is reported). */
    @Override
    protected Optional<String> find(StepContext context) {
        List<Filter> filters = tags().entrySet().stream().filter(e -> !e.getKey().equals(Tags.NAME))
                .map(e -> Ec2Tags.tag(e.getKey(), e.getValue())).toList();
        return ec2().describeImagesPaginator(r -> r.owners("self").filters(filters)).images().stream()
                .max(Comparator.comparing(Image::creationDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(Image::imageId);
    }

    @Override
    protected String create(StepContext context) {
        Map<String, String> tags = tags();
        return ec2().copyImage(r -> r.sourceRegion(primary.region())
                .sourceImageId(sourceImage)
                .name(name())
                .description("dr " + target.stack() + " " + tier.role() + " tier: copy of " + sourceImage + " from "
                        + primary.region())
                .encrypted(true)
                .clientToken(clientToken())
                .tagSpecifications(Ec2Tags.specification(ResourceType.IMAGE, tags),
                        Ec2Tags.specification(ResourceType.SNAPSHOT, tags))).imageId();
    }

    /** Tags the copy (and the snapshots it lists) where a wanted tag is missing or differs. */
    @Override
    protected boolean converge(StepContext context, String imageId) {
        Optional<Image> image = GivenImageCheck.describe(ec2(), imageId);
        if (image.isEmpty()) {
            return false;
        }
        Map<String, String> wanted = tags();
        if (RecoveryPoints.carries(Ec2Tags.toMap(image.get().tags()), wanted)) {
            return false;
        }
        List<String> resources = new ArrayList<>(List.of(imageId));
        image.get().blockDeviceMappings().stream().map(BlockDeviceMapping::ebs).filter(Objects::nonNull)
                .map(ebs -> ebs.snapshotId()).filter(Objects::nonNull).forEach(resources::add);
        ec2().createTags(r -> r.resources(resources).tags(Ec2Tags.toTags(wanted)));
        return true;
    }

    /** {@code pending} while EC2 copies; right after CopyImage, DescribeImages may not list the new id yet. */
    @Override
    protected ResourceState readiness(StepContext context, String imageId) {
        return GivenImageCheck.describe(ec2(), imageId)
                .map(image -> ResourceState.of(image.stateAsString(), "available", "failed", "invalid", "error",
                        "deregistered", "disabled"))
                .orElseGet(() -> ResourceState.waiting("copy not listed yet"));
    }

    /** {@code id} (the DR AMI, for the launch template) and {@code sourceImage} (the given primary AMI). */
    @Override
    protected Map<String, String> outputs(StepContext context, String imageId) {
        return Map.of("id", imageId, "sourceImage", sourceImage);
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
