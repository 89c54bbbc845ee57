package dr.regions.images;

import dr.core.DrException;
import dr.core.config.ConfigKey;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.topology.Tier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.Optional;

/**
 * The operator's own AMIs ({@code --web-image}, {@code --app-image}), read in the primary region. Provision's
 * preflight: each given image must exist there and be {@code available}, checked before the plan creates anything,
 * so a typo or an image of another region is bad input (exit 2), not a failed step half-way through.
 */
public final class GivenImageCheck {
    /** EC2's answer for an AMI id that does not exist in the region asked (DescribeImages, CopyImage). */
    static final String NOT_FOUND = "InvalidAMIID.NotFound";

    private GivenImageCheck() {
    }

    /** Checks every given image of the spec; does nothing (and calls nothing) when none is given. */
    public static void verify(StackSpec spec, AwsClients clients) {
        for (Tier tier : Tier.values()) {
            Optional<String> given = tier.givenImage(spec);
            if (given.isPresent()) {
                Image image = describe(clients.ec2(spec.primaryRegion()), given.get())
                        .orElseThrow(() -> DrException.badInput(option(tier) + " " + given.get() + ": no such image in "
                                + spec.primaryRegion() + " (the primary region), or not one this account may use"));
                if (!"available".equals(image.stateAsString())) {
                    throw DrException.badInput(option(tier) + " " + given.get() + " in " + spec.primaryRegion() + " is "
                            + image.stateAsString() + ", not available: give an image EC2 can launch and copy");
                }
            }
        }
    }

    /** The image, or empty when EC2 does not know it (InvalidAMIID.NotFound, or a deregistered one listed no more). */
    static Optional<Image> describe(Ec2Client ec2, String imageId) {
        try {
            return ec2.describeImages(r -> r.imageIds(imageId)).images().stream().findFirst();
        } catch (AwsServiceException e) {
            if (e.awsErrorDetails() != null && NOT_FOUND.equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static String option(Tier tier) {
        return (tier == Tier.WEB ? ConfigKey.WEB_IMAGE : ConfigKey.APP_IMAGE).option();
    }
}
