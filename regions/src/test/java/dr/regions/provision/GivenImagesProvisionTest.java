package dr.regions.provision;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.model.GivenImages;
import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.core.report.ProvisionReport;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.images.GivenImageCopyStep;
import dr.regions.images.ImageSteps;
import dr.regions.step.RegionTarget;
import dr.regions.network.Ec2Tags;
import dr.regions.readiness.ReadinessReport;
import dr.regions.readiness.StackReadiness;
import dr.regions.readiness.Verdict;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --web-image}/{@code --app-image}: the operator's own AMIs in the primary region, copied to DR with EC2
 * CopyImage instead of baked by builder instances and AWS Backup jobs.
 */
class GivenImagesProvisionTest {
    private static final String PRIMARY = ProvisionFixture.PRIMARY;
    private static final String DR = ProvisionFixture.DR;

    private final ProvisionFixture fixture = new ProvisionFixture();
    private final String webImage = ownImage("team-web-2026.12.01");
    private final String appImage = ownImage("team-app-2026.12.01");

    private Ec2Client ec2(String region) {
        return fixture.cloud().ec2(region);
    }

    /** An AMI of the operator's own, made outside dr (here with CreateImage of a plain instance), available. */
    private String ownImage(String name) {
        Ec2Client ec2 = ec2(PRIMARY);
        String base = ec2.describeImages(r -> r.owners("amazon").filters(Ec2Tags.filter("name", "al2023-ami-*-x86_64")))
                .images().get(0).imageId();
        String vpc = ec2.createVpc(r -> r.cidrBlock("172.31.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("172.31.0.0/24").availabilityZone(PRIMARY + "a"))
                .subnet().subnetId();
        String instance = ec2.runInstances(r -> r.imageId(base).minCount(1).maxCount(1).instanceType("t3.micro")
                .subnetId(subnet)).instances().get(0).instanceId();
        String image = ec2.createImage(r -> r.instanceId(instance).name(name)).imageId();
        fixture.cloud().world().clock().advance(ModeledDurations.IMAGE_CREATE);
        return image;
    }

    private StackSpec spec(String web, String app) {
        return ProvisionFixture.defaultSpec().withImages(new GivenImages(web, app));
    }

    private Image image(String region, String id) {
        return ec2(region).describeImages(r -> r.imageIds(id)).images().get(0);
    }

    private String launchTemplateImage(String region, String tier) {
        return ec2(region).describeLaunchTemplateVersions(r -> r.launchTemplateName("dr-lt-" + tier)
                .versions("$Default")).launchTemplateVersions().get(0).launchTemplateData().imageId();
    }

    private long calls(String operation) {
        return fixture.cloud().world().calls().byOperation().getOrDefault(operation, 0L);
    }

    @Nested
    class BothImagesGiven {
        private final ProvisionReport report = fixture.provision(spec(webImage, appImage));

        private String output(String region, String role) {
            return report.result().outcome(StepKey.of(region, role)).outputs().get("id");
        }

        @Test
        void everyStepSucceedsWithNoBuilderNoBackupJobNoSelectionAndNoBackupRole() {
            assertThat(report.result().failed()).as("failed steps").isEmpty();
            List<String> roles = report.result().outcomes().stream().map(o -> o.key().role()).toList();
            assertThat(roles).doesNotContain("builder-web", "builder-app", "backup-selection", "backup-role")
                    .contains("backup-vault", "backup-plan", "lt-web", "lt-app", "asg-web", "asg-app");
            assertThat(calls("ec2:RunInstances")).as("no builder instance").isEqualTo(2 /* the two ownImage() */);
            assertThat(calls("backup:StartBackupJob") + calls("backup:StartCopyJob")).isZero();
        }

        @Test
        void primaryLaunchesTheGivenImagesAndDrTheirEncryptedTaggedCopies() {
            assertThat(launchTemplateImage(PRIMARY, "web")).isEqualTo(webImage);
            assertThat(launchTemplateImage(PRIMARY, "app")).isEqualTo(appImage);
            for (Map.Entry<String, String> tier : Map.of("web", webImage, "app", appImage).entrySet()) {
                String copyId = output(DR, "image-" + tier.getKey());
                assertThat(launchTemplateImage(DR, tier.getKey())).isEqualTo(copyId);
                Image copy = image(DR, copyId);
                assertThat(copy.stateAsString()).isEqualTo("available");
                assertThat(copy.sourceImageId()).isEqualTo(tier.getValue());
                assertThat(copy.sourceImageRegion()).isEqualTo(PRIMARY);
                assertThat(Ec2Tags.toMap(copy.tags())).containsEntry("dr:stack", "dr")
                        .containsEntry("dr:role", "image-" + tier.getKey()).containsEntry("dr:region-role", "dr")
                        .containsEntry(GivenImageCopyStep.GIVEN_IMAGE_TAG, tier.getValue());
                EbsBlockDevice ebs = copy.blockDeviceMappings().get(0).ebs();
                assertThat(ebs.encrypted()).as("copy encrypted").isTrue();
                Snapshot snapshot = ec2(DR).describeSnapshots(r -> r.snapshotIds(ebs.snapshotId())).snapshots().get(0);
                assertThat(snapshot.encrypted()).isTrue();
                assertThat(snapshot.kmsKeyId()).startsWith("arn:aws:kms:" + DR + ":");
                assertThat(Ec2Tags.toMap(snapshot.tags())).containsEntry("dr:role", "image-" + tier.getKey());
            }
            assertThat(calls("ec2:CopyImage")).isEqualTo(2);
        }

        @Test
        void theGivenImagesStayTheOperatorsUntaggedAndSurviveCleanup() {
            assertThat(image(PRIMARY, webImage).tags()).isEmpty();
            assertThat(image(PRIMARY, appImage).tags()).isEmpty();
            String webCopy = output(DR, "image-web");

            new Cleanup("dr", List.of(PRIMARY, DR), fixture.cloud(), fixture.cloud().world().clock(),
                    new CleanupOptions(true)).run(ProgressListener.NONE);

            assertThat(image(PRIMARY, webImage).stateAsString()).isEqualTo("available");
            assertThat(image(PRIMARY, appImage).stateAsString()).isEqualTo("available");
            assertThat(ec2(DR).describeImages(r -> r.owners("self")).images()).as("the DR copies are the stack's")
                    .extracting(Image::imageId).doesNotContain(webCopy);
        }

        @Test
        void statusNeedsNoRecoveryPointWhenDrLaunchesFromCopiesOfGivenImages() {
            ReadinessReport readiness = new StackReadiness(fixture.cloud(), spec(webImage, appImage))
                    .check(fixture.cloud().world().time());

            assertThat(readiness.findings()).filteredOn(f -> f.check().equals("newest-recovery-point"))
                    .singleElement().satisfies(f -> {
                        assertThat(f.verdict()).isEqualTo(Verdict.OK);
                        assertThat(f.detail()).isEqualTo("none needed: DR launches from EC2 copies of the given images"
                                + " (app " + output(DR, "image-app") + " (copy of " + appImage + "), web "
                                + output(DR, "image-web") + " (copy of " + webImage + "))");
                    });
        }

        @Test
        void aSecondRunFindsTheCopiesByTagAndCopiesNothing() {
            long copies = calls("ec2:CopyImage");
            ProvisionReport again = fixture.provision(spec(webImage, appImage));

            assertThat(calls("ec2:CopyImage")).isEqualTo(copies);
            assertThat(again.result().outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
            assertThat(again.result().outcome(StepKey.of(DR, "image-web")).resourceId())
                    .isEqualTo(output(DR, "image-web"));
        }

        @Test
        void aNewGivenImageGetsAFreshCopyAndNewLaunchTemplateVersions() {
            String newWeb = ownImage("team-web-2026.12.02");
            ProvisionReport again = fixture.provision(spec(newWeb, appImage));

            assertThat(again.result().failed()).isEmpty();
            assertThat(again.result().outcome(StepKey.of(DR, "image-web")).action()).isEqualTo(Action.CREATE);
            assertThat(again.result().outcome(StepKey.of(DR, "image-app")).action()).isEqualTo(Action.KEEP);
            assertThat(launchTemplateImage(PRIMARY, "web")).isEqualTo(newWeb);
            assertThat(image(DR, launchTemplateImage(DR, "web")).sourceImageId()).isEqualTo(newWeb);
        }
    }

    /** The image steps of both regions alone, on the engine, as provision runs them. */
    private ExecutionResult runImageSteps(StackSpec spec) {
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            steps.addAll(ImageSteps.forRegion(new RegionTarget(spec, role, fixture.cloud())));
        }
        return new Executor(fixture.cloud().world().clock(), new AwsErrorClassifier(), ProgressListener.NONE)
                .run(Plan.of(steps));
    }

    private List<Image> drCopies() {
        return ec2(DR).describeImages(r -> r.owners("self")).images();
    }

    /**
     * A run that died right after CopyImage answered: the copy exists, still pending, with the tags the step gives it;
     * the next run finds it by those tags, waits for it and starts no second copy.
     */
    @Test
    void aCopyStartedByARunThatDiedIsFoundByItsTagsAndNotCopiedAgain() {
        Map<String, String> tags = new LinkedHashMap<>(Tags.forResource("dr", "image-web", RegionRole.DR));
        tags.put(GivenImageCopyStep.GIVEN_IMAGE_TAG, webImage);
        String copy = ec2(DR).copyImage(r -> r.sourceRegion(PRIMARY).sourceImageId(webImage)
                .name("dr-image-web-" + webImage).encrypted(true)
                .tagSpecifications(Ec2Tags.specification(ResourceType.IMAGE, tags))).imageId();
        assertThat(image(DR, copy).stateAsString()).isEqualTo("pending");
        long copies = calls("ec2:CopyImage");

        ExecutionResult resumed = runImageSteps(spec(webImage, appImage));

        assertThat(resumed.failed()).isEmpty();
        assertThat(calls("ec2:CopyImage")).as("only the app tier's copy is new").isEqualTo(copies + 1);
        assertThat(resumed.outcome(StepKey.of(DR, "image-web")).resourceId()).isEqualTo(copy);
        assertThat(resumed.outcome(StepKey.of(DR, "image-web")).action()).isEqualTo(Action.KEEP);
        assertThat(image(DR, copy).stateAsString()).isEqualTo("available");
    }

    /**
     * A copy that lacks dr's tags (an emulator that drops TagSpecifications; here a copy started with the step's own
     * client token and no tags): the step's CopyImage with that token answers with the same image, and its converge
     * tags it, so there is one copy and a later run finds it.
     */
    @Test
    void anUntaggedCopyOfTheStepsClientTokenIsAdoptedAndTagged() {
        StackSpec spec = spec(webImage, appImage);
        String untagged = ec2(DR).copyImage(r -> r.sourceRegion(PRIMARY).sourceImageId(webImage)
                .name("dr-image-web-" + webImage).encrypted(true).clientToken("dr-image-web-" + webImage)).imageId();

        ExecutionResult result = runImageSteps(spec);

        assertThat(result.failed()).isEmpty();
        assertThat(result.outcome(StepKey.of(DR, "image-web")).resourceId()).isEqualTo(untagged);
        assertThat(Ec2Tags.toMap(image(DR, untagged).tags())).containsEntry("dr:role", "image-web")
                .containsEntry(GivenImageCopyStep.GIVEN_IMAGE_TAG, webImage);
        assertThat(drCopies()).hasSize(2);
        assertThat(runImageSteps(spec).outcome(StepKey.of(DR, "image-web")).action()).isEqualTo(Action.KEEP);
    }

    @Test
    void oneGivenImageLeavesTheOtherTierBakedAndItsBuilderAloneSelected() {
        ProvisionReport report = fixture.provision(spec(null, appImage));

        assertThat(report.result().failed()).isEmpty();
        List<String> roles = report.result().outcomes().stream().map(o -> o.key().role()).toList();
        assertThat(roles).contains("builder-web", "backup-selection", "backup-role").doesNotContain("builder-app");
        assertThat(launchTemplateImage(PRIMARY, "app")).isEqualTo(appImage);
        assertThat(image(DR, launchTemplateImage(DR, "app")).sourceImageId()).isEqualTo(appImage);
        assertThat(image(DR, launchTemplateImage(DR, "web")).sourceImageId())
                .isEqualTo(launchTemplateImage(PRIMARY, "web"));
    }

    @Test
    void theDryRunPlanShowsTheCopiesInsteadOfTheBuilders() {
        Provisioning provisioning = new Provisioning(spec(webImage, appImage), fixture.cloud(),
                fixture.cloud().world().clock());
        long before = fixture.cloud().world().calls().total();

        List<Step> steps = provisioning.prepare().plan().steps();

        assertThat(fixture.cloud().world().calls().total())
                .as("one DescribeDBInstances per region for the plan: where is the writer?").isEqualTo(before + 2);
        assertThat(steps).filteredOn(s -> s.key().role().startsWith("builder-")).isEmpty();
        assertThat(steps).filteredOn(s -> s.key().role().equals("image-web")).extracting(s -> s.getClass().getSimpleName())
                .containsExactlyInAnyOrder("GivenImageStep", "GivenImageCopyStep");
        assertThat(provisioning.notes()).anySatisfy(note -> assertThat(note).startsWith("web image " + webImage
                + " given: no builder instance or AWS Backup image job; EC2 CopyImage copies it to " + DR));
    }

    @Test
    void aGivenImageThatIsNotInThePrimaryRegionIsBadInputBeforeAnythingIsCreated() {
        String elsewhere = ec2(DR).describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        long mutatingBefore = fixture.cloud().world().calls().mutating();

        assertThatThrownBy(() -> fixture.provision(spec(webImage, elsewhere)))
                .isInstanceOfSatisfying(DrException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("--app-image " + elsewhere + ": no such image in " + PRIMARY
                        + " (the primary region), or not one this account may use");
        assertThat(fixture.cloud().world().calls().mutating()).as("nothing created").isEqualTo(mutatingBefore);
    }

    @Test
    void aGivenImageStillPendingIsBadInputBeforeAnythingIsCreated() {
        Ec2Client ec2 = ec2(PRIMARY);
        String instance = ec2.describeInstances().reservations().get(0).instances().get(0).instanceId();
        String pending = ec2.createImage(r -> r.instanceId(instance).name("team-web-unfinished")).imageId();
        long mutatingBefore = fixture.cloud().world().calls().mutating();

        assertThatThrownBy(() -> fixture.provision(spec(pending, appImage)))
                .isInstanceOfSatisfying(DrException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .hasMessage("--web-image " + pending + " in " + PRIMARY + " is pending, not available: give an image "
                        + "EC2 can launch and copy");
        assertThat(fixture.cloud().world().calls().mutating()).isEqualTo(mutatingBefore);
    }
}
