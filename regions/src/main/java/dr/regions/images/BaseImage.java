package dr.regions.images;

import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.Comparator;

/**
 * The base every dr instance starts from: the newest Amazon Linux 2023 x86_64 AMI Amazon publishes in the region.
 * Standard AL2023 AMIs are named {@code al2023-ami-2023.<release>-kernel-<version>-x86_64}; the pattern leaves out
 * the {@code al2023-ami-minimal-...} and {@code al2023-ami-ecs-...} families.
 */
public final class BaseImage {
    public static final String OWNER = "amazon";
    public static final String NAME_PATTERN = "al2023-ami-2023.*-x86_64";

    private BaseImage() {
    }

    /** The image id; fails naming the region when Amazon publishes none there. */
    public static String newest(Ec2Client ec2, String region) {
        return ec2.describeImagesPaginator(r -> r.owners(OWNER).filters(
                        Ec2Tags.filter("name", NAME_PATTERN),
                        Ec2Tags.filter("architecture", "x86_64"),
                        Ec2Tags.filter("state", "available")))
                .images().stream()
                // ISO-8601 creation dates sort as text; the name breaks a tie the same way each time.
                .max(Comparator.comparing(Image::creationDate).thenComparing(Image::name))
                .map(Image::imageId)
                .orElseThrow(() -> new IllegalStateException("no Amazon Linux 2023 x86_64 image (" + NAME_PATTERN
                        + ", owner " + OWNER + ") in " + region));
    }
}
