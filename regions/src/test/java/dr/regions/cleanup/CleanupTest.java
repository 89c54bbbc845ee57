package dr.regions.cleanup;

import dr.core.DrException;
import dr.core.engine.Action;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.engine.StepOutcome;
import dr.core.report.CleanupReport;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.discovery.StackWorld;
import dr.regions.discovery.TaggedState;
import dr.regions.inmemory.backup.RecoveryPointDeletions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBSnapshot;

import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanupTest {
    private final StackWorld world = StackWorld.create();

    private Cleanup cleanup(CleanupOptions options) {
        return new Cleanup(StackWorld.STACK, StackWorld.REGIONS, world.cloud, world.cloud.world().clock(), options);
    }

    private CleanupReport run() {
        return cleanup(CleanupOptions.defaults()).run(ProgressListener.NONE);
    }

    private List<DBSnapshot> manualSnapshots(String region) {
        return world.cloud.rds(region).describeDBSnapshots(r -> r.snapshotType("manual")).dbSnapshots();
    }

    @Test
    void cleaningUpAStackLeavesNothingTaggedWithItInAnyRegionNorGlobally() {
        assertThat(TaggedState.tagged(world.cloud, StackWorld.STACK)).isNotEmpty();

        CleanupReport report = run();

        assertThat(report.result().failed()).isEmpty();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.remaining()).isEmpty();
        assertThat(report.deletedByRegion()).containsKeys(StackWorld.PRIMARY, StackWorld.DR, StackResource.GLOBAL)
                .allSatisfy((region, count) -> assertThat(count).as(region).isPositive());
        assertThat(world.inventory(StackWorld.STACK).isEmpty()).isTrue();
        assertThat(TaggedState.tagged(world.cloud, StackWorld.STACK)).isEmpty();
    }

    /** DeleteRole answers DeleteConflict until the role is out of its instance profile and has no policies left. */
    @Test
    void theStacksIamRolesAndInstanceProfileGoWithTheirPoliciesAndTheOtherStacksStay() {
        var iam = world.cloud.world().iam;
        assertThat(iam.roles).containsKeys(StackWorld.STACK + "-backup-role", StackWorld.STACK + "-app-role");

        CleanupReport report = run();

        assertThat(report.succeeded()).isTrue();
        assertThat(iam.roles.keySet()).noneMatch(name -> name.startsWith(StackWorld.STACK + "-"))
                .contains(StackWorld.OTHER + "-backup-role", StackWorld.OTHER + "-app-role");
        assertThat(iam.instanceProfiles.keySet()).containsExactly(StackWorld.OTHER + "-app-profile");
        assertThat(iam.role(StackWorld.OTHER + "-app-role").inlinePolicies).containsKey("rds-db-connect");
    }

    @Test
    void theUntaggedDecoysAndAnotherStackSurviveUntouched() {
        String zone = world.addOperatorRecord();
        var route53 = world.cloud.route53();
        Inventory otherBefore = world.inventory(StackWorld.OTHER);
        int otherTaggedBefore = TaggedState.tagged(world.cloud, StackWorld.OTHER).size();

        assertThat(run().succeeded()).isTrue();

        int decoys = 0;
        int intact = 0;
        for (String region : StackWorld.REGIONS) {
            var ec2 = world.cloud.ec2(region);
            decoys += 2;
            intact += exists(() -> ec2.describeVpcs(r -> r.vpcIds(world.untaggedVpcs.get(region))).vpcs().size() == 1);
            intact += exists(() -> ec2.describeSecurityGroups(r -> r.groupIds(world.untaggedGroups.get(region)))
                    .securityGroups().size() == 1);
        }
        decoys++;
        intact += exists(() -> route53.listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets().stream()
                .anyMatch(set -> set.name().equals("api.example.com.") && set.typeAsString().equals("TXT")));
        Inventory otherAfter = world.inventory(StackWorld.OTHER);
        Set<String> otherIdsAfter = ids(otherAfter);
        decoys += ids(otherBefore).size();
        intact += (int) ids(otherBefore).stream().filter(otherIdsAfter::contains).count();
        System.out.printf("RELIABILITY decoys untouched by cleanup (untagged resources, an operator's record, a "
                + "second stack): %d/%d decoys intact%n", intact, decoys);
        assertThat(intact).isEqualTo(decoys);

        for (String region : StackWorld.REGIONS) {
            var ec2 = world.cloud.ec2(region);
            assertThat(ec2.describeVpcs(r -> r.vpcIds(world.untaggedVpcs.get(region))).vpcs()).hasSize(1);
            assertThat(ec2.describeSecurityGroups(r -> r.groupIds(world.untaggedGroups.get(region)))
                    .securityGroups()).hasSize(1);
        }
        assertThat(route53.listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets())
                .as("the operator's record under the stack's name")
                .anyMatch(set -> set.name().equals("api.example.com.") && set.typeAsString().equals("TXT"))
                .noneMatch(set -> set.name().equals("app.example.com."));
        assertThat(ids(otherAfter)).isEqualTo(ids(otherBefore));
        assertThat(otherAfter.ofKind(ResourceKind.DB_INSTANCE)).extracting(StackResource::state)
                .containsOnly("available");
        assertThat(otherAfter.ofKind(ResourceKind.DISTRIBUTION)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.attribute("enabled")).isEqualTo("true"));
        assertThat(TaggedState.tagged(world.cloud, StackWorld.OTHER)).hasSize(otherTaggedBefore);
    }

    /** 1 when the check finds the decoy, 0 when it does not or the describe says it is gone. */
    private static int exists(BooleanSupplier check) {
        try {
            return check.getAsBoolean() ? 1 : 0;
        } catch (RuntimeException gone) {
            return 0;
        }
    }

    private static Set<String> ids(Inventory inventory) {
        return inventory.resources().stream().map(StackResource::id).collect(Collectors.toSet());
    }

    @Test
    void theDeletionProtectedPrimaryIsUnprotectedAndGoesWithAFinalSnapshotThatIsKept() {
        CleanupReport report = run();

        assertThat(report.keptSnapshots()).singleElement().satisfies(kept -> {
            assertThat(kept.region()).isEqualTo(StackWorld.PRIMARY);
            assertThat(kept.dbInstance()).isEqualTo("dr-db");
            assertThat(kept.identifier()).matches("dr-db-final-\\d{14}");
            assertThat(kept.status()).isEqualTo("available");
        });
        assertThat(manualSnapshots(StackWorld.PRIMARY)).extracting(DBSnapshot::dbSnapshotIdentifier)
                .contains(report.keptSnapshots().get(0).identifier());
        assertThat(manualSnapshots(StackWorld.DR)).as("a replica has no final snapshot")
                .noneMatch(s -> s.dbInstanceIdentifier().startsWith("dr-"));
        assertThat(world.cloud.world().calls().byOperation()).containsEntry("rds:ModifyDBInstance", 1L);
    }

    /**
     * A standalone database made without CopyTagsToSnapshot (before dr set it) still leaves a final snapshot tagged
     * with the stack: DeleteDBInstance takes no tags (its parameters are DBInstanceIdentifier, SkipFinalSnapshot,
     * FinalDBSnapshotIdentifier and DeleteAutomatedBackups:
     * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html), so cleanup turns the
     * instance's CopyTagsToSnapshot on first, with deletion protection off or on its own.
     */
    @Test
    void aPrimaryMadeWithoutCopyTagsToSnapshotLeavesAFinalSnapshotTaggedWithTheStack() {
        for (boolean deletionProtection : new boolean[] {true, false}) {
            StackWorld older = StackWorld.create();
            older.cloud.rds(StackWorld.PRIMARY).modifyDBInstance(r -> r.dbInstanceIdentifier("dr-db")
                    .copyTagsToSnapshot(false).deletionProtection(deletionProtection).applyImmediately(true));

            CleanupReport report = new Cleanup(StackWorld.STACK, StackWorld.REGIONS, older.cloud,
                    older.cloud.world().clock(), CleanupOptions.defaults()).run(ProgressListener.NONE);

            assertThat(report.succeeded()).isTrue();
            String kept = report.keptSnapshots().get(0).identifier();
            assertThat(older.cloud.rds(StackWorld.PRIMARY).describeDBSnapshots(r -> r.dbSnapshotIdentifier(kept))
                    .dbSnapshots().get(0).tagList()).as("deletion protection " + deletionProtection)
                    .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("dr:stack=" + StackWorld.STACK));
        }
    }

    @Test
    void withSkipFinalSnapshotThePrimaryGoesWithoutOne() {
        CleanupReport report = cleanup(new CleanupOptions(true)).run(ProgressListener.NONE);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.keptSnapshots()).isEmpty();
        for (String region : StackWorld.REGIONS) {
            assertThat(manualSnapshots(region)).noneMatch(s -> s.dbInstanceIdentifier().startsWith("dr-"));
        }
    }

    @Test
    void aDryRunListsEveryResourceItWouldDeleteWithoutAnyMutatingCall() {
        long mutating = world.cloud.world().calls().mutating();

        CleanupPlan plan = cleanup(CleanupOptions.defaults()).plan();

        assertThat(world.cloud.world().calls().mutating()).isEqualTo(mutating);
        Set<String> planned = plan.plan().steps().stream().filter(s -> s.plannedAction() == Action.DELETE)
                .map(Step::key).map(Object::toString).collect(Collectors.toSet());
        assertThat(planned).hasSizeGreaterThan(80);
        assertThat(plan.plan().steps()).allSatisfy(step -> assertThat(step.plannedAction())
                .isIn(Action.DELETE, Action.UPDATE));
        assertThat(plan.plan().steps().stream().filter(s -> s.plannedAction() == Action.UPDATE))
                .extracting(s -> s.key().role()).containsOnly(SecurityGroupReferences.ROLE);
        assertThat(plan.describe()).contains("delete", "AWS::EC2::VPC", "AWS::CloudFront::Distribution",
                world.dr.distributionId());
        assertThat(plan.toJson().get("inventory").get("resources").size()).isEqualTo(plan.inventory().size());
    }

    @Test
    void everyResourceOfTheInventoryGetsAStepExceptThoseAwsDeletesWithAnother() {
        CleanupPlan plan = cleanup(CleanupOptions.defaults()).plan();
        Set<String> stepped = plan.plan().steps().stream().filter(s -> s instanceof DeletionStep)
                .map(s -> ((DeletionStep) s).resource().id()).collect(Collectors.toSet());
        List<StackResource> without = plan.inventory().resources().stream().filter(r -> !stepped.contains(r.id()))
                .toList();
        assertThat(without).allSatisfy(r -> assertThat(r.kind())
                .isIn(ResourceKind.ROUTE_TABLE, ResourceKind.SECURITY_GROUP, ResourceKind.IMAGE,
                        ResourceKind.SNAPSHOT));
        assertThat(without).allSatisfy(r -> assertThat(CleanupPlanner.ownStep(r, plan.inventory())).isFalse());
    }

    @Test
    void aSecondCleanupFindsNothingToDoAndSucceeds() {
        run();
        CleanupPlan again = cleanup(CleanupOptions.defaults()).plan();
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.describe()).contains("Resources of stack dr (0)");

        CleanupReport report = run();
        assertThat(report.succeeded()).isTrue();
        assertThat(report.deletedTotal()).isZero();
    }

    @Test
    void aResourceDeletedByHandBetweenPlanAndRunCountsAsGone() {
        Cleanup cleanup = cleanup(CleanupOptions.defaults());
        CleanupPlan plan = cleanup.plan();
        String listener = world.cloud.elb(StackWorld.PRIMARY).describeListeners(r -> r.loadBalancerArn(
                world.dr.albs().get(StackWorld.PRIMARY).arn())).listeners().get(0).listenerArn();
        world.cloud.elb(StackWorld.PRIMARY).deleteListener(r -> r.listenerArn(listener));

        CleanupReport report = cleanup.run(plan, ProgressListener.NONE);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.result().outcomes()).filteredOn(o -> listener.equals(o.resourceId()))
                .singleElement().satisfies(o -> {
                    assertThat(o.status()).isEqualTo(StepOutcome.Status.DONE);
                    assertThat(o.action()).isEqualTo(Action.DELETE);
                });
    }

    /**
     * A vault that is gone answers DescribeBackupVault and ListRecoveryPointsByBackupVault with 403
     * AccessDeniedException, not "not found" (aws-sdk-js#2625, boto3#2269): cleanup looks vaults up by listing.
     */
    @Test
    void aVaultEmptiedAndDeletedByHandBetweenPlanAndRunCountsAsGone() {
        Cleanup cleanup = cleanup(CleanupOptions.defaults());
        CleanupPlan plan = cleanup.plan();
        String vault = world.dr.albs().get(StackWorld.DR).vaultName();
        var backup = world.cloud.backup(StackWorld.DR);
        backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName(vault)).recoveryPoints().forEach(p ->
                backup.deleteRecoveryPoint(r -> r.backupVaultName(vault).recoveryPointArn(p.recoveryPointArn())));
        world.cloud.world().clock().advance(RecoveryPointDeletions.DURATION);
        backup.deleteBackupVault(r -> r.backupVaultName(vault));

        CleanupReport report = cleanup.run(plan, ProgressListener.NONE);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.result().outcomes()).filteredOn(o -> vault.equals(o.resourceId()))
                .filteredOn(o -> o.key().toString().startsWith(StackWorld.DR + "/"))
                .singleElement().satisfies(o -> assertThat(o.status()).isEqualTo(StepOutcome.Status.DONE));
    }

    @Test
    void anUnreachableRegionStopsCleanupBeforeAnyDeletion() {
        world.cloud.world().faults().regionUnreachable(StackWorld.DR);
        long mutating = world.cloud.world().calls().mutating();

        assertThatThrownBy(() -> run()).isInstanceOf(DrException.class)
                .hasMessageContaining(StackWorld.DR).hasMessageContaining("nothing deleted");
        assertThat(world.cloud.world().calls().mutating()).isEqualTo(mutating);
    }

    @Test
    void aForeignRuleThatReferencesAStackGroupIsLeftAloneAndTheGroupIsReportedAsRemaining() {
        var ec2 = world.cloud.ec2(StackWorld.PRIMARY);
        String stackGroup = world.inventory(StackWorld.STACK).ofKind(ResourceKind.SECURITY_GROUP, StackWorld.PRIMARY)
                .stream().filter(g -> g.role().equals("sg-db")).findFirst().orElseThrow().id();
        String foreign = world.untaggedGroups.get(StackWorld.PRIMARY);
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(foreign).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(3306).toPort(3306).userIdGroupPairs(g -> g.groupId(stackGroup))));

        CleanupReport report = run();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.result().failed()).extracting(o -> o.key().role()).containsExactly("sg-db");
        assertThat(report.result().failed().get(0).message()).contains("DependencyViolation");
        assertThat(report.remaining()).extracting(CleanupReport.Remaining::id).contains(stackGroup);
        assertThat(ec2.describeSecurityGroups(r -> r.groupIds(foreign)).securityGroups().get(0).ipPermissions())
                .as("the foreign rule").hasSize(1);
        assertThat(report.stackGone()).isFalse();
    }

    @Test
    void theReportsJsonCountsDeletionsListsKeptSnapshotsAndConfirmsTheStackIsGone() {
        CleanupReport report = run();
        var json = report.toJson();
        assertThat(json.get("stack").asText()).isEqualTo("dr");
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("stackGone").asBoolean()).isTrue();
        assertThat(json.get("deletedTotal").asInt()).isEqualTo(report.deletedTotal()).isPositive();
        assertThat(json.get("deleted").get(StackResource.GLOBAL).asInt()).isPositive();
        assertThat(json.get("keptSnapshots").get(0).get("identifier").asText()).startsWith("dr-db-final-");
        assertThat(json.get("failures").size()).isZero();
        assertThat(json.get("remaining").size()).isZero();
        var text = new java.io.StringWriter();
        report.printText(new java.io.PrintWriter(text));
        assertThat(text.toString()).contains("deleted", "kept final snapshot dr-db-final-",
                "nothing tagged with stack dr remains");
    }

    @Test
    void aPlanForSomeKindsNamesWhatMustGoFirstAndDeletesNothingWhileItIsThere() {
        Cleanup cleanup = cleanup(CleanupOptions.defaults());
        int before = world.inventory(StackWorld.STACK).size();

        CleanupPlan subnets = cleanup.plan(Set.of(ResourceKind.SUBNET));

        assertThat(subnets.runnable()).isFalse();
        assertThat(subnets.mustGoFirst()).extracting(StackResource::kind)
                .contains(ResourceKind.NAT_GATEWAY, ResourceKind.LOAD_BALANCER, ResourceKind.DB_INSTANCE)
                .doesNotContain(ResourceKind.SUBNET);
        assertThatThrownBy(() -> cleanup.delete(subnets, new dr.core.engine.Executor(world.cloud.world().clock(),
                new dr.regions.aws.AwsErrorClassifier(), ProgressListener.NONE)))
                .isInstanceOf(DrException.class).hasMessageContaining("must be deleted before these, nothing deleted");
        assertThat(world.inventory(StackWorld.STACK).size()).isEqualTo(before);
    }

    @Test
    void theEdgeCanGoFirstOnItsOwnAndTheRestAfter() {
        Cleanup cleanup = cleanup(CleanupOptions.defaults());
        var executor = new dr.core.engine.Executor(world.cloud.world().clock(), new dr.regions.aws.AwsErrorClassifier(),
                ProgressListener.NONE);
        Set<ResourceKind> edge = Set.of(ResourceKind.DISTRIBUTION, ResourceKind.WEB_ACL, ResourceKind.RECORD_SET,
                ResourceKind.HEALTH_CHECK);

        CleanupPlan first = cleanup.plan(edge);
        assertThat(first.runnable()).isTrue();
        assertThat(cleanup.delete(first, executor).succeeded()).isTrue();

        Inventory between = world.inventory(StackWorld.STACK);
        assertThat(between.resources()).extracting(StackResource::kind).doesNotContainAnyElementsOf(edge)
                .contains(ResourceKind.VPC, ResourceKind.DB_INSTANCE, ResourceKind.HOSTED_ZONE);
        CleanupReport rest = cleanup.report(cleanup.delete(cleanup.plan(), executor), cleanup.remaining());
        assertThat(rest.succeeded()).isTrue();
        assertThat(TaggedState.tagged(world.cloud, StackWorld.STACK)).isEmpty();
    }

    @Test
    void aStoppedDeletionStartsNothingNewAndTheNextRunFinishesTheJob() {
        Cleanup cleanup = cleanup(CleanupOptions.defaults());
        var executor = new dr.core.engine.Executor(world.cloud.world().clock(), new dr.regions.aws.AwsErrorClassifier(),
                ProgressListener.NONE);
        var calls = world.cloud.world().calls();
        long before = calls.mutating();

        var firstSaidStop = new java.util.concurrent.atomic.AtomicLong(-1);
        BooleanSupplier stop = () -> {
            if (calls.mutating() < before + 10) {
                return false;
            }
            firstSaidStop.compareAndSet(-1, calls.mutating());
            return true;
        };

        var stopped = cleanup.delete(cleanup.plan(), executor, stop);

        assertThat(stopped.succeeded()).isFalse();
        assertThat(stopped.failed()).isNotEmpty()
                .allSatisfy(outcome -> assertThat(outcome.message()).isEqualTo("stopped: the run was interrupted"));
        assertThat(calls.mutating()).as("no change once the stop was seen").isEqualTo(firstSaidStop.get());
        assertThat(world.inventory(StackWorld.STACK).isEmpty()).isFalse();

        CleanupReport rest = cleanup.run(ProgressListener.NONE);
        assertThat(rest.succeeded()).isTrue();
        assertThat(TaggedState.tagged(world.cloud, StackWorld.STACK)).isEmpty();
    }
}
