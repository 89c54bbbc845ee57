package dr.regions.images;

import dr.core.model.Tags;
import dr.regions.network.Ec2Tags;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stack's EC2 copies of given images in a region (made by {@link GivenImageCopyStep}), read back for status: a
 * stack whose tiers all launch from such copies has no AWS Backup recovery point to show, and needs none.
 */
public final class GivenImageCopies {
    private GivenImageCopies() {
    }

    /**
     * Per tier, {@code <copy id> (copy of <given id>)} of an available copy; empty unless every tier has one (a
     * tier dr bakes launches from a recovery point instead).
     */
    public static Optional<Map<String, String>> ofEveryTier(Ec2Client ec2, String stack) {
        Map<String, String> copies = new TreeMap<>();
        for (Image image : ec2.describeImagesPaginator(r -> r.owners("self").filters(Ec2Tags.tag(Tags.STACK, stack),
                Ec2Tags.filter("tag-key", GivenImageCopyStep.GIVEN_IMAGE_TAG),
                Ec2Tags.filter("state", "available"))).images()) {
            Map<String, String> tags = Ec2Tags.toMap(image.tags());
            for (Tier tier : Tier.values()) {
                if (tier.imageRole().equals(tags.get(Tags.ROLE))) {
                    copies.put(tier.role(), image.imageId() + " (copy of "
                            + tags.get(GivenImageCopyStep.GIVEN_IMAGE_TAG) + ")");
                }
            }
        }
        return copies.size() == Tier.values().length ? Optional.of(copies) : Optional.empty();
    }
}
