package dr.regions.inmemory.backup;

import dr.regions.network.Ec2Tags;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.util.Map;

/** The tags EC2 reports on an AMI: where the tags of an EC2 recovery point live. */
final class Ec2TagsOf {
    private Ec2TagsOf() {
    }

    static Map<String, String> image(Ec2Client ec2, String imageId) {
        return Ec2Tags.toMap(ec2.describeImages(r -> r.imageIds(imageId)).images().get(0).tags());
    }
}
