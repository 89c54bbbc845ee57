package dr.regions.cleanup;

import dr.core.engine.ProgressListener;
import dr.core.engine.StepOutcome;
import dr.core.report.CleanupReport;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.discovery.StackWorld;
import dr.regions.inmemory.backup.RecoveryPointDeletions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cleanup and AWS Backup's EC2 recovery points (issue 14 item 5). Backup copies the builder's tags onto the AMI's
 * snapshots and onto the DR copies' (Backup developer guide, "Copying tags onto backups"), so discovery finds them;
 * but they are the recovery point's: DeleteRecoveryPoint only starts the deletion (Backup API reference,
 * DeleteRecoveryPoint: DELETING, then gone, or EXPIRED), and EC2 refuses DeleteSnapshot while the AMI is registered
 * (EC2 API reference, DeleteSnapshot: "You must first deregister the AMI", InvalidSnapshot.InUse). The fake's rules
 * are proven in {@code inmemory.backup.RecoveryPointDeletionTest}.
 */
class RecoveryPointCleanupTest {
    private final StackWorld world = StackWorld.create();

    private Cleanup cleanup() {
        return new Cleanup(StackWorld.STACK, StackWorld.REGIONS, world.cloud, world.cloud.world().clock(),
                CleanupOptions.defaults());
    }

    private List<StackResource> points(CleanupPlan plan) {
        return plan.inventory().resources().stream().filter(r -> r.kind() == ResourceKind.RECOVERY_POINT).toList();
    }

    /** The backup role no longer trusts AWS Backup: a first deletion of its points comes back EXPIRED. */
    private void backupRoleNoLongerTrustsBackup() {
        world.cloud.iam().updateAssumeRolePolicy(r -> r.roleName(StackWorld.STACK + "-backup-role")
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }

    @Test
    void theSnapshotsOfARecoveryPointGoWithItAndTheStepEndsOnlyOnceThePointIsGone() {
        CleanupPlan plan = cleanup().plan();
        Set<String> backupSnapshots = plan.inventory().resources().stream()
                .filter(r -> r.kind() == ResourceKind.SNAPSHOT)
                .filter(r -> !CleanupPlanner.ownStep(r, plan.inventory()))
                .map(StackResource::id).collect(Collectors.toSet());
        assertThat(points(plan)).hasSizeGreaterThanOrEqualTo(2)
                .extracting(StackResource::region).contains(StackWorld.PRIMARY, StackWorld.DR);
        assertThat(backupSnapshots).as("the Backup snapshots carry the stack's tags").hasSizeGreaterThanOrEqualTo(2);
        Set<String> stepped = plan.plan().steps().stream().filter(s -> s instanceof DeletionStep)
                .map(s -> ((DeletionStep) s).resource().id()).collect(Collectors.toSet());
        assertThat(stepped).doesNotContainAnyElementsOf(backupSnapshots);
        Instant start = world.cloud.world().time();

        CleanupReport report = cleanup().run(plan, ProgressListener.NONE);

        assertThat(report.result().failed()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(Duration.between(start, world.cloud.world().time()))
                .isGreaterThanOrEqualTo(RecoveryPointDeletions.DURATION);
        for (String region : StackWorld.REGIONS) {
            assertThat(world.cloud.ec2(region).describeSnapshots(r -> r.ownerIds("self")).snapshots())
                    .noneMatch(s -> backupSnapshots.contains(s.snapshotId()));
        }
    }

    @Test
    void aPointLeftExpiredIsRetriedReportedAndNeverCountedAsDeletedThenARerunFinishesIt() {
        CleanupPlan plan = cleanup().plan();
        List<String> arns = points(plan).stream().map(StackResource::id).toList();
        backupRoleNoLongerTrustsBackup();
        world.cloud.world().faults().bareError("iam", "CreateServiceLinkedRole", null, 403);

        CleanupReport report = cleanup().run(plan, ProgressListener.NONE);

        assertThat(report.succeeded()).isFalse();
        String pointType = ResourceKind.RECOVERY_POINT.awsType();
        assertThat(report.result().outcomes()).filteredOn(o -> o.resourceType().equals(pointType))
                .hasSameSizeAs(arns).allSatisfy(o -> {
                    assertThat(o.succeeded()).isFalse();
                    assertThat(o.message()).contains("EXPIRED", "iam:CreateServiceLinkedRole");
                });
        assertThat(report.result().outcomes()).filteredOn(StepOutcome::succeeded)
                .noneMatch(o -> arns.contains(o.resourceId()));
        assertThat(report.stillThere()).filteredOn(r -> r.type().equals(pointType))
                .extracting(CleanupReport.Remaining::id).containsExactlyInAnyOrderElementsOf(arns);
        assertThat(report.stillThere()).filteredOn(r -> r.type().equals(pointType)).allSatisfy(r -> assertThat(r.state()).isEqualTo("EXPIRED"));

        world.cloud.world().faults().clear();
        CleanupReport rerun = cleanup().run(ProgressListener.NONE);

        assertThat(rerun.result().failed()).isEmpty();
        assertThat(rerun.succeeded()).isTrue();
        assertThat(world.cloud.world().iam.role("AWSServiceRoleForBackup")).isNotNull();
    }
}
