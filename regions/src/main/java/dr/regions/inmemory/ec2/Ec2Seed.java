package dr.regions.inmemory.ec2;

import dr.core.model.Regions;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;

import java.time.Instant;
import java.util.TreeSet;

/** What EC2 already has in a new sandbox account: Amazon's public base images in every known region. */
public final class Ec2Seed {
    /** Name, architecture, description of each base image, as Amazon publishes them. */
    private static final String[][] BASE_IMAGES = {
            {"al2023-ami-2023.7.20250609.0-kernel-6.1-x86_64", "x86_64",
                    "Amazon Linux 2023 AMI 2023.7.20250609.0 x86_64 HVM kernel-6.1"},
            {"al2023-ami-2023.7.20250609.0-kernel-6.1-arm64", "arm64",
                    "Amazon Linux 2023 AMI 2023.7.20250609.0 arm64 HVM kernel-6.1"},
            {"amzn2-ami-kernel-5.10-hvm-2.0.20250610.0-x86_64-gp2", "x86_64",
                    "Amazon Linux 2 Kernel 5.10 AMI 2.0.20250610.0 x86_64 HVM gp2"},
    };
    private static final Instant PUBLISHED = Instant.parse("2025-06-10T00:00:00Z");

    private Ec2Seed() {
    }

    /** Regions in sorted order, so that the ids the seed takes are the same on every run. */
    public static void baseImages(World world) {
        for (String region : new TreeSet<>(Regions.KNOWN)) {
            Ec2State state = world.region(region).ec2;
            for (String[] base : BASE_IMAGES) {
                Ec2State.Image image = new Ec2State.Image();
                image.id = world.ids.next("ami");
                image.name = base[0];
                image.architecture = base[1];
                image.description = base[2];
                image.ownerId = ImageOperations.AMAZON_OWNER_ID;
                image.ownerAlias = "amazon";
                // Amazon's snapshot, not one of the account's: it is not listed among the account's snapshots.
                image.snapshotId = world.ids.next("snap");
                image.creationDate = PUBLISHED;
                image.timeline = Timeline.startingAt(PUBLISHED, "available");
                state.images.put(image.id, image);
            }
        }
    }
}
