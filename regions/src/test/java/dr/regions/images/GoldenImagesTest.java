package dr.regions.images;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.network.Ec2Tags;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenImagesTest {
    private static final List<String> TIERS = List.of("web", "app");

    private final StackRun stack = new StackRun();

    private InMemoryCloud cloud() {
        return stack.cloud();
    }

    private static Image image(InMemoryCloud cloud, String region, String imageId) {
        return cloud.ec2(region).describeImages(r -> r.imageIds(imageId)).images().get(0);
    }

    private static List<Instance> liveInstances(InMemoryCloud cloud, String role) {
        return cloud.ec2(StackRun.PRIMARY).describeInstances(r -> r.filters(Ec2Tags.tag("dr:role", role),
                        Ec2Tags.filter("instance-state-name", "pending", "running", "stopping", "stopped")))
                .reservations().stream().map(Reservation::instances).flatMap(List::stream).toList();
    }

    private static String decoded(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    @Nested
    class AfterOneRun {
        private final ExecutionResult result = stack.run();

        private String output(String region, String role, String name) {
            return result.outcome(StepKey.of(region, role)).outputs().get(name);
        }

        @Test
        void everyStepSucceeds() {
            assertThat(result.failed()).as("failed steps").isEmpty();
            assertThat(result.succeeded()).isTrue();
        }

        @Test
        void bothRegionsHaveAnAvailableImageOfEachTier() {
            for (String region : List.of(StackRun.PRIMARY, StackRun.DR)) {
                for (String tier : TIERS) {
                    String imageId = output(region, "image-" + tier, "id");
                    assertThat(imageId).as("%s image-%s", region, tier).startsWith("ami-");
                    assertThat(image(cloud(), region, imageId).stateAsString()).isEqualTo("available");
                }
            }
        }

        @Test
        void theDrImageIsACopyOfThePrimaryImageMadeInTheDrRegion() {
            for (String tier : TIERS) {
                String primaryImage = output(StackRun.PRIMARY, "image-" + tier, "id");
                Image copy = image(cloud(), StackRun.DR, output(StackRun.DR, "image-" + tier, "id"));
                assertThat(copy.sourceImageId()).isEqualTo(primaryImage);
                assertThat(copy.sourceImageRegion()).isEqualTo(StackRun.PRIMARY);
                assertThat(output(StackRun.DR, "image-" + tier, "sourceImage")).isEqualTo(primaryImage);
                assertThatThrownBy(() -> cloud().ec2(StackRun.PRIMARY).describeImages(r -> r.imageIds(copy.imageId())))
                        .as("the copy is not in the primary region").hasMessageContaining("does not exist");
            }
        }

        @Test
        void theDrRecoveryPointsSitInTheDrVaultCopiedFromThePrimaryVault() {
            String primaryVaultArn = output(StackRun.PRIMARY, "backup-vault", "arn");
            for (String tier : TIERS) {
                DescribeRecoveryPointResponse point = cloud().backup(StackRun.DR).describeRecoveryPoint(r -> r
                        .backupVaultName("dr-vault")
                        .recoveryPointArn(output(StackRun.DR, "image-" + tier, "recoveryPointArn")));
                assertThat(point.backupVaultArn()).isEqualTo(output(StackRun.DR, "backup-vault", "arn"));
                assertThat(point.sourceBackupVaultArn()).isEqualTo(primaryVaultArn);
                assertThat(point.resourceArn()).isEqualTo(output(StackRun.PRIMARY, "builder-" + tier, "arn"));
            }
        }

        @Test
        void goldenImagesCarryTheStackTagsOnTheirAmisAndTheirRecoveryPointsNoExpiry() {
            for (String region : List.of(StackRun.PRIMARY, StackRun.DR)) {
                for (String tier : TIERS) {
                    String arn = output(region, "image-" + tier, "recoveryPointArn");
                    BackupClient backup = cloud().backup(region);
                    Image ami = image(cloud(), region, output(region, "image-" + tier, "id"));
                    assertThat(Ec2Tags.toMap(ami.tags())).containsEntry("dr:stack", "dr")
                            .containsEntry("dr:role", "image-" + tier)
                            .containsEntry("dr:region-role", region.equals(StackRun.PRIMARY) ? "primary" : "dr");
                    assertThat(backup.describeRecoveryPoint(r -> r.backupVaultName("dr-vault").recoveryPointArn(arn))
                            .calculatedLifecycle()).as("golden images do not expire").isNull();
                }
            }
        }

        @Test
        void theImageJobIsAnOnDemandBackupOfTheBuilderWithTheBackupServiceRole() {
            List<BackupJob> jobs = cloud().backup(StackRun.PRIMARY).listBackupJobs(r -> r.byBackupVaultName("dr-vault"))
                    .backupJobs();
            assertThat(jobs).hasSize(2).allSatisfy(job -> {
                assertThat(job.iamRoleArn()).as("the stack's own Backup role")
                        .isEqualTo("arn:aws:iam::123456789012:role/dr/dr-backup-role");
                assertThat(job.stateAsString()).isEqualTo("COMPLETED");
            });
            assertThat(jobs).extracting(BackupJob::resourceArn).containsExactlyInAnyOrder(
                    output(StackRun.PRIMARY, "builder-web", "arn"), output(StackRun.PRIMARY, "builder-app", "arn"));
        }

        @Test
        void buildersRunTheNewestAmazonLinux2023X86ImageWithTheirTiersSettings() {
            Map<String, String> groups = Map.of("web", output(StackRun.PRIMARY, "sg-web", "id"),
                    "app", output(StackRun.PRIMARY, "sg-app", "id"));
            for (String tier : TIERS) {
                Instance builder = liveInstances(cloud(), "builder-" + tier).get(0);
                Image base = image(cloud(), StackRun.PRIMARY, builder.imageId());
                assertThat(base.name()).startsWith("al2023-ami-2023.").endsWith("-x86_64");
                assertThat(base.imageOwnerAlias()).isEqualTo("amazon");
                assertThat(builder.instanceTypeAsString()).isEqualTo("t3.micro");
                assertThat(builder.subnetId()).isEqualTo(output(StackRun.PRIMARY, "subnet-" + tier + "-a", "id"));
                assertThat(builder.securityGroups()).singleElement()
                        .satisfies(g -> assertThat(g.groupId()).isEqualTo(groups.get(tier)));
                assertThat(builder.publicIpAddress()).as("builders stay private").isNull();
                assertThat(Ec2Tags.toMap(builder.tags())).containsEntry("dr:stack", "dr")
                        .containsEntry("dr:role", "builder-" + tier).containsEntry("Name", "dr-builder-" + tier);
                // The EC2 fake has no DescribeInstanceAttribute: the user data is read from its state.
                String userData = decoded(cloud().world().region(StackRun.PRIMARY).ec2.instances
                        .get(builder.instanceId()).userData);
                assertThat(userData).startsWith("#!/bin/bash").contains("dnf install -y")
                        .doesNotContain("curl").doesNotContain("wget");
            }
        }

        @Test
        void noDrBuildersAreRun() {
            assertThat(cloud().ec2(StackRun.DR).describeInstances().reservations()).isEmpty();
        }

        @Test
        void theBuildersAreKeptAfterTheImagesExist() {
            for (String tier : TIERS) {
                assertThat(liveInstances(cloud(), "builder-" + tier)).singleElement()
                        .satisfies(i -> assertThat(i.state().nameAsString()).isEqualTo("running"));
            }
        }
    }

    @Test
    void theWebBuilderServesAPageAndTheHealthPathWithApache() {
        String script = UserData.web("/health");
        assertThat(script).contains("dnf install -y httpd", "systemctl enable --now httpd",
                "HEALTH_PATH='/health'", "${HEALTH_PATH%%\\?*}", "/var/www/html/index.html");
    }

    @Test
    void theAppBuilderRunsANodeServiceOnPort80AnsweringTheHealthPath() {
        String script = UserData.app("/healthz?full=1");
        assertThat(script).contains("dnf install -y nodejs", "listen(80)", "const healthPath = '/healthz';",
                "AmbientCapabilities=CAP_NET_BIND_SERVICE", "systemctl enable --now dr-app");
    }

    @Test
    void aHealthPathCannotBreakOutOfTheScripts() {
        assertThat(UserData.web("/it's$(reboot)")).contains("HEALTH_PATH='/it'\\''s$(reboot)'");
        assertThat(UserData.app("/it's\\")).contains("const healthPath = '/it\\'s\\\\';");
    }

    @Test
    void runningTwiceMakesNoMutatingCallAndKeepsEverything() {
        assertThat(stack.run().succeeded()).isTrue();
        long mutatingBefore = cloud().world().calls().mutating();
        ExecutionResult second = stack.run();
        assertThat(second.succeeded()).isTrue();
        assertThat(second.outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(cloud().world().calls().mutating()).as("mutating calls on the second run").isEqualTo(mutatingBefore);
    }

    @Test
    void theSecondRunAnswersTheSameImages() {
        ExecutionResult first = stack.run();
        ExecutionResult second = stack.run();
        for (String region : List.of(StackRun.PRIMARY, StackRun.DR)) {
            for (String tier : TIERS) {
                StepKey key = StepKey.of(region, "image-" + tier);
                assertThat(second.outcome(key).outputs()).isEqualTo(first.outcome(key).outputs());
            }
        }
    }

    @Test
    void imagesAreFoundByTheirRecoveryPointsOnceTheJobHistoryIsGone() {
        ExecutionResult first = stack.run();
        // AWS Backup lists jobs of the last 30 days only; the recovery points stay.
        cloud().world().region(StackRun.PRIMARY).backup.backupJobs.clear();
        cloud().world().region(StackRun.PRIMARY).backup.copyJobs.clear();
        long mutatingBefore = cloud().world().calls().mutating();

        ExecutionResult second = stack.run();

        assertThat(second.outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(cloud().world().calls().mutating()).isEqualTo(mutatingBefore);
        StepKey drWeb = StepKey.of(StackRun.DR, "image-web");
        assertThat(second.outcome(drWeb).outputs()).isEqualTo(first.outcome(drWeb).outputs());
    }

    @Test
    void anotherBackupOfTheBuilderIsNotTakenForTheGoldenImage() {
        ExecutionResult first = stack.run();
        String builderArn = first.outcome(StepKey.of(StackRun.PRIMARY, "builder-web")).outputs().get("arn");
        cloud().backup(StackRun.PRIMARY).startBackupJob(r -> r.backupVaultName("dr-vault").resourceArn(builderArn)
                .iamRoleArn("arn:aws:iam::123456789012:role/dr/dr-backup-role"));
        cloud().world().clock().advance(Duration.ofHours(1));

        ExecutionResult second = stack.run();

        StepKey primaryWeb = StepKey.of(StackRun.PRIMARY, "image-web");
        assertThat(second.outcome(primaryWeb).action()).isEqualTo(Action.KEEP);
        assertThat(second.outcome(primaryWeb).outputs()).isEqualTo(first.outcome(primaryWeb).outputs());
    }

    @Test
    void aBuilderTerminatedByHandIsRebuiltAndReBakedIntoFreshImagesInBothRegions() {
        ExecutionResult first = stack.run();
        String oldBuilder = first.outcome(StepKey.of(StackRun.PRIMARY, "builder-app")).resourceId();
        cloud().ec2(StackRun.PRIMARY).terminateInstances(r -> r.instanceIds(oldBuilder));
        cloud().world().clock().advance(Duration.ofMinutes(5));

        ExecutionResult second = stack.run();

        assertThat(second.failed()).isEmpty();
        for (String role : List.of("builder-app", "image-app")) {
            assertThat(second.outcome(StepKey.of(StackRun.PRIMARY, role)).action()).as(role).isEqualTo(Action.CREATE);
        }
        StepOutcome drApp = second.outcome(StepKey.of(StackRun.DR, "image-app"));
        assertThat(drApp.action()).isEqualTo(Action.CREATE);
        assertThat(drApp.outputs().get("sourceImage"))
                .isEqualTo(second.outcome(StepKey.of(StackRun.PRIMARY, "image-app")).outputs().get("id"))
                .isNotEqualTo(first.outcome(StepKey.of(StackRun.PRIMARY, "image-app")).outputs().get("id"));
        assertThat(second.outcome(StepKey.of(StackRun.DR, "image-web")).action()).isEqualTo(Action.KEEP);
        assertThat(liveInstances(cloud(), "builder-app")).singleElement()
                .satisfies(i -> assertThat(i.instanceId()).isNotEqualTo(oldBuilder));
    }

    @Test
    void withEventualConsistencyEachResourceIsStillMadeOnce() {
        StackRun reference = new StackRun();
        reference.run();
        cloud().world().faults().eventualConsistency(true);
        assertThat(stack.run().succeeded()).isTrue();
        cloud().world().faults().eventualConsistency(false);
        assertThat(resourceCounts(cloud())).isEqualTo(resourceCounts(reference.cloud()));
    }

    @Test
    void aCrashAtAnyMutatingCallIsFinishedByARerunWithoutDuplicates() {
        StackRun reference = new StackRun();
        reference.run();
        long mutatingCalls = reference.cloud().world().calls().mutating();
        Map<String, Long> expected = resourceCounts(reference.cloud());
        for (long crashAt = 1; crashAt <= mutatingCalls; crashAt++) {
            StackRun run = new StackRun();
            run.cloud().world().faults().crashAtMutatingCall(crashAt, Faults.CrashPoint.AFTER_CALL);
            assertThatThrownBy(run::run).as("crash at call %d", crashAt).isInstanceOf(SimulatedCrash.class);
            run.cloud().world().faults().noCrash();
            ExecutionResult resumed = run.run();
            assertThat(resumed.failed()).as("failed steps after crash at call %d", crashAt).isEmpty();
            assertThat(resourceCounts(run.cloud())).as("resources after crash at call %d", crashAt)
                    .isEqualTo(expected);
        }
    }

    /**
     * AWS Backup copies the job's tags onto the AMI only when its role may tag ("Copying tags onto backups",
     * permissions): a golden image whose AMI came without them is tagged by dr through EC2, never through Backup's
     * TagResource (which refuses an arn:aws:ec2 recovery point).
     */
    @Test
    void anAmiThatCameWithoutTheStackTagsIsTaggedThroughEc2() {
        StackRun reference = new StackRun();
        reference.run();
        List<CallLog.Call> mutating = reference.cloud().world().calls().all().stream()
                .filter(CallLog.Call::mutating).toList();
        long startBackup = 1 + mutating.indexOf(mutating.stream()
                .filter(c -> c.operation().equals("StartBackupJob")).findFirst().orElseThrow());
        cloud().world().faults().crashAtMutatingCall(startBackup, Faults.CrashPoint.AFTER_CALL);
        assertThatThrownBy(stack::run).isInstanceOf(SimulatedCrash.class);
        cloud().world().faults().noCrash();
        Ec2Client ec2 = cloud().ec2(StackRun.PRIMARY);
        List<Image> untagged = ec2.describeImages(r -> r.owners("self")).images();
        assertThat(untagged).singleElement().satisfies(ami -> assertThat(ami.tags()).isNotEmpty());
        ec2.deleteTags(r -> r.resources(untagged.get(0).imageId()));

        ExecutionResult resumed = stack.run();

        assertThat(resumed.failed()).isEmpty();
        String tier = resumed.outcome(StepKey.of(StackRun.PRIMARY, "image-web")).resourceId()
                .equals(untagged.get(0).imageId()) ? "web" : "app";
        String imageId = resumed.outcome(StepKey.of(StackRun.PRIMARY, "image-" + tier)).resourceId();
        assertThat(imageId).isEqualTo(untagged.get(0).imageId());
        assertThat(Ec2Tags.toMap(image(cloud(), StackRun.PRIMARY, imageId).tags()))
                .containsEntry("dr:stack", "dr").containsEntry("dr:role", "image-" + tier)
                .containsEntry("dr:region-role", "primary");
        assertThat(cloud().world().calls().count(c -> c.operation().equals("TagResource"))).isZero();
        assertThat(resourceCounts(cloud())).isEqualTo(resourceCounts(reference.cloud()));
    }

    /** How many of each thing exist: a duplicate anywhere changes a count. */
    static Map<String, Long> resourceCounts(InMemoryCloud cloud) {
        Map<String, Long> counts = new TreeMap<>();
        for (String region : List.of(StackRun.PRIMARY, StackRun.DR)) {
            Ec2Client ec2 = cloud.ec2(region);
            BackupClient backup = cloud.backup(region);
            counts.put(region + " vpcs", (long) ec2.describeVpcs().vpcs().size());
            counts.put(region + " security groups", (long) ec2.describeSecurityGroups().securityGroups().size());
            counts.put(region + " instances", ec2.describeInstances().reservations().stream()
                    .flatMap(r -> r.instances().stream())
                    .filter(i -> !i.state().nameAsString().equals("terminated")).count());
            counts.put(region + " own images", (long) ec2.describeImages(r -> r.owners("self")).images().size());
            counts.put(region + " vaults", (long) backup.listBackupVaults().backupVaultList().size());
            counts.put(region + " plans", (long) backup.listBackupPlans().backupPlansList().size());
            counts.put(region + " selections", backup.listBackupPlans().backupPlansList().stream()
                    .mapToLong(p -> backup.listBackupSelections(r -> r.backupPlanId(p.backupPlanId()))
                            .backupSelectionsList().size()).sum());
            counts.put(region + " recovery points", backup.listBackupVaults().backupVaultList().stream()
                    .mapToLong(v -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(v.backupVaultName()))
                            .recoveryPoints().size()).sum());
            counts.put(region + " backup jobs", (long) backup.listBackupJobs().backupJobs().size());
            counts.put(region + " copy jobs", (long) backup.listCopyJobs(r -> { }).copyJobs().size());
        }
        return counts;
    }
}
