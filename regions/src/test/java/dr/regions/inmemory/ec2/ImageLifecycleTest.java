package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import dr.core.model.Regions;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.world.World;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

class ImageLifecycleTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");
    private final String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
    private final String baseImageId = baseImage();
    private final String instanceId = runInstance(baseImageId, subnetId);

    private Image image(Ec2Client client, String imageId) {
        return client.describeImages(r -> r.imageIds(imageId)).images().get(0);
    }

    @Test
    void everyKnownRegionHasAmazonBaseImagesInTheSandboxAccount() {
        InMemoryCloud account = new InMemoryCloud(SandboxAccount.create());
        dr.regions.inmemory.world.AccountRegions.optIn().forEach(region ->
                dr.regions.inmemory.world.AccountRegions.enable(account.world(), region));
        for (String region : Regions.KNOWN) {
            assertThat(account.ec2(region).describeImages(r -> r.owners("amazon")
                    .filters(filter("name", "al2023-ami-*-kernel-6.1-x86_64"), filter("state", "available")))
                    .images()).as(region).singleElement().satisfies(image -> {
                        assertThat(image.imageOwnerAlias()).isEqualTo("amazon");
                        assertThat(image.architectureAsString()).isEqualTo("x86_64");
                    });
        }
        assertThat(account.ec2("us-east-1").describeImages(r -> r.owners("self")).images()).isEmpty();
    }

    @Test
    void createImageIsPendingThenAvailableWithItsBackingSnapshot() {
        String imageId = ec2.createImage(r -> r.instanceId(instanceId).name("shop-web-golden").noReboot(true)
                .tagSpecifications(tags("image", "dr:role", "web"), tags("snapshot", "dr:role", "web")))
                .imageId();
        Image pending = image(ec2, imageId);
        assertThat(pending.stateAsString()).isEqualTo("pending");
        assertThat(pending.sourceInstanceId()).isEqualTo(instanceId);
        String snapshotId = pending.blockDeviceMappings().get(0).ebs().snapshotId();
        assertThat(snapshotId).startsWith("snap-");
        assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots().get(0).stateAsString())
                .isEqualTo("pending");

        advance(ModeledDurations.IMAGE_CREATE);

        assertThat(image(ec2, imageId).stateAsString()).isEqualTo("available");
        assertThat(ec2.describeImages(r -> r.owners("self").filters(filter("tag:dr:role", "web"))).images())
                .extracting(Image::imageId).containsExactly(imageId);
        assertThat(ec2.describeSnapshots(r -> r.ownerIds("self").filters(filter("tag:dr:role", "web")))
                .snapshots()).singleElement().satisfies(s -> {
                    assertThat(s.snapshotId()).isEqualTo(snapshotId);
                    assertThat(s.stateAsString()).isEqualTo("completed");
                    assertThat(s.progress()).isEqualTo("100%");
                });
    }

    @Test
    void anImageNameIsUniqueUntilTheImageIsDeregistered() {
        String first = ec2.createImage(r -> r.instanceId(instanceId).name("shop-web-golden")).imageId();

        assertEc2Error(() -> ec2.createImage(r -> r.instanceId(instanceId).name("shop-web-golden")),
                "InvalidAMIName.Duplicate");

        ec2.deregisterImage(r -> r.imageId(first));
        assertThat(ec2.createImage(r -> r.instanceId(instanceId).name("shop-web-golden")).imageId())
                .isNotEqualTo(first);
        assertEc2Error(() -> ec2.createImage(r -> r.instanceId(instanceId).name("x")), "InvalidAMIName.Malformed");
    }

    @Test
    void aTerminatedInstanceCannotBeImaged() {
        ec2.terminateInstances(r -> r.instanceIds(instanceId));
        advance(ModeledDurations.INSTANCE_TERMINATE);

        assertEc2Error(() -> ec2.createImage(r -> r.instanceId(instanceId).name("too-late")),
                "IncorrectInstanceState");
    }

    @Test
    void aSnapshotCannotBeDeletedWhileARegisteredImageUsesIt() {
        String imageId = ec2.createImage(r -> r.instanceId(instanceId).name("shop-app-golden")).imageId();
        advance(ModeledDurations.IMAGE_CREATE);
        String snapshotId = image(ec2, imageId).blockDeviceMappings().get(0).ebs().snapshotId();

        assertEc2Error(() -> ec2.deleteSnapshot(r -> r.snapshotId(snapshotId)), "InvalidSnapshot.InUse");

        ec2.deregisterImage(r -> r.imageId(imageId));
        assertThat(ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)).snapshots())
                .as("deregistering keeps the snapshot").hasSize(1);
        ec2.deleteSnapshot(r -> r.snapshotId(snapshotId));
        assertEc2Error(() -> ec2.describeSnapshots(r -> r.snapshotIds(snapshotId)), "InvalidSnapshot.NotFound");
        assertEc2Error(() -> ec2.describeImages(r -> r.imageIds(imageId)), "InvalidAMIID.NotFound");
    }

    @Test
    void amazonsImagesCannotBeDeregistered() {
        assertEc2Error(() -> ec2.deregisterImage(r -> r.imageId(baseImageId)), "AuthFailure");
    }

    @Test
    void copyImageOnTheDestinationClientMakesAnImageAndSnapshotThere() {
        String imageId = ec2.createImage(r -> r.instanceId(instanceId).name("shop-web-golden")
                .tagSpecifications(tags("image", "dr:role", "web"))).imageId();
        Ec2Client west = cloud.ec2("us-west-2");

        assertEc2Error(() -> west.copyImage(r -> r.sourceRegion(REGION).sourceImageId(imageId).name("copy")),
                "InvalidAMIID.Unavailable");
        advance(ModeledDurations.IMAGE_CREATE);

        String copyId = west.copyImage(r -> r.sourceRegion(REGION).sourceImageId(imageId).name("shop-web-golden")
                .copyImageTags(true)).imageId();
        Image copy = image(west, copyId);
        assertThat(copy.stateAsString()).isEqualTo("pending");
        assertThat(copy.sourceImageId()).isEqualTo(imageId);
        assertThat(copy.sourceImageRegion()).isEqualTo(REGION);
        assertThat(copy.tags()).anySatisfy(t -> assertThat(t.key()).isEqualTo("dr:role"));
        assertThat(west.describeSnapshots(r -> r.ownerIds("self")).snapshots()).extracting(Snapshot::snapshotId)
                .containsExactly(copy.blockDeviceMappings().get(0).ebs().snapshotId());

        advance(ModeledDurations.IMAGE_COPY);
        assertThat(image(west, copyId).stateAsString()).isEqualTo("available");
        assertEc2Error(() -> ec2.describeImages(r -> r.imageIds(copyId)), "InvalidAMIID.NotFound");
    }

    @Test
    void copyingAnImageThatIsNotInTheSourceRegionIsRefused() {
        assertEc2Error(() -> cloud.ec2("us-west-2").copyImage(r -> r.sourceRegion("eu-west-1")
                .sourceImageId(baseImageId).name("copy")), "InvalidAMIID.NotFound");
        assertEc2Error(() -> cloud.ec2("us-west-2").copyImage(r -> r.sourceRegion(REGION)
                .sourceImageId(baseImageId)), "MissingParameter");
    }

    /**
     * CopyImage's Encrypted: "You can encrypt a copy of an unencrypted snapshot, but you cannot create an unencrypted
     * copy of an encrypted snapshot"; the default KMS key for EBS is used unless KmsKeyId names another
     * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopyImage.html). The image's block device mapping
     * and the copied snapshot both say so.
     */
    @Test
    void anEncryptedCopyHasAnEncryptedSnapshotAndACopyOfItStaysEncrypted() {
        String imageId = ec2.createImage(r -> r.instanceId(instanceId).name("shop-web-golden")).imageId();
        advance(ModeledDurations.IMAGE_CREATE);
        Ec2Client west = cloud.ec2("us-west-2");

        String plain = west.copyImage(r -> r.sourceRegion(REGION).sourceImageId(imageId).name("plain")).imageId();
        String encrypted = west.copyImage(r -> r.sourceRegion(REGION).sourceImageId(imageId).name("encrypted")
                .encrypted(true).tagSpecifications(tags("image", "dr:role", "image-web"),
                        tags("snapshot", "dr:role", "image-web"))).imageId();
        advance(ModeledDurations.IMAGE_COPY);

        assertThat(image(west, plain).blockDeviceMappings().get(0).ebs().encrypted()).isFalse();
        Image copy = image(west, encrypted);
        assertThat(copy.blockDeviceMappings().get(0).ebs().encrypted()).isTrue();
        Snapshot snapshot = west.describeSnapshots(r -> r.snapshotIds(copy.blockDeviceMappings().get(0).ebs()
                .snapshotId())).snapshots().get(0);
        assertThat(snapshot.encrypted()).isTrue();
        assertThat(snapshot.kmsKeyId()).startsWith("arn:aws:kms:us-west-2:" + World.ACCOUNT_ID + ":key/");
        assertThat(snapshot.stateAsString()).isEqualTo("completed");
        assertThat(snapshot.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("image-web"));

        String back = ec2.copyImage(r -> r.sourceRegion("us-west-2").sourceImageId(encrypted).name("back"))
                .imageId();
        assertThat(image(ec2, back).blockDeviceMappings().get(0).ebs().encrypted())
                .as("a copy of an encrypted image without Encrypted").isTrue();
    }

    /** A retried CopyImage with the same client token starts no second copy (EC2 idempotency, Run_Instance_Idempotency). */
    @Test
    void aCopyImageRetriedWithItsClientTokenAnswersWithTheSameImage() {
        Ec2Client west = cloud.ec2("us-west-2");
        String first = west.copyImage(r -> r.sourceRegion(REGION).sourceImageId(baseImageId).name("copy")
                .clientToken("dr-image-web-" + baseImageId)).imageId();
        String again = west.copyImage(r -> r.sourceRegion(REGION).sourceImageId(baseImageId).name("copy")
                .clientToken("dr-image-web-" + baseImageId)).imageId();

        assertThat(again).isEqualTo(first);
        assertThat(west.describeImages(r -> r.owners("self")).images()).hasSize(1);
    }

    /**
     * An id that is not {@code ami-} and 8 or 17 hex digits is InvalidAMIID.Malformed, one the region does not have
     * InvalidAMIID.NotFound (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html; moto's
     * copy_image answers NotFound for a missing source too: moto/ec2/models/amis.py, describe_images).
     */
    @Test
    void aMalformedSourceIdIsMalformedAndAMissingOneNotFound() {
        Ec2Client west = cloud.ec2("us-west-2");
        assertEc2Error(() -> west.copyImage(r -> r.sourceRegion(REGION).sourceImageId("ami-xyz").name("copy")),
                "InvalidAMIID.Malformed");
        assertEc2Error(() -> west.copyImage(r -> r.sourceRegion(REGION).sourceImageId("ami-0123456789abcdef0")
                .name("copy")), "InvalidAMIID.NotFound");
        assertThat(west.describeImages(r -> r.owners("self")).images()).isEmpty();
    }

    @Test
    void theBackupFakeCanImageAndCopyUnproxiedWithAnyLiveInstanceState() {
        FakeEc2 east = new FakeEc2(world(), REGION);
        assertThat(instanceState(instanceId)).isEqualTo("pending");
        long callsBefore = world().calls().total();

        String imageId = east.createImage(CreateImageRequest.builder().instanceId(instanceId)
                .name("AwsBackup_" + instanceId + "_job-1").noReboot(true).build()).imageId();
        advance(ModeledDurations.BACKUP_JOB);
        String copyId = new FakeEc2(world(), "us-west-2").copyImage(CopyImageRequest.builder().sourceRegion(REGION)
                .sourceImageId(imageId).name("AwsBackup_" + imageId + "_copy-1").build()).imageId();
        advance(ModeledDurations.BACKUP_COPY_JOB);

        assertThat(new FakeEc2(world(), "us-west-2").describeImages(DescribeImagesRequest.builder()
                .imageIds(copyId).build()).images().get(0).stateAsString()).isEqualTo("available");
        assertThat(world().calls().total()).as("unproxied calls are not logged").isEqualTo(callsBefore);
    }

    @Test
    void imagesAreFoundByNameWildcardsAndOwners() {
        assertThat(ec2.describeImages(r -> r.owners("amazon").filters(filter("name", "amzn2-ami-*"))).images())
                .hasSize(1);
        assertThat(ec2.describeImages(r -> r.owners("137112412989").filters(filter("architecture", "arm64")))
                .images()).hasSize(1);
        assertThat(ec2.describeImages(r -> r.owners("self")).images()).isEmpty();
    }
}
