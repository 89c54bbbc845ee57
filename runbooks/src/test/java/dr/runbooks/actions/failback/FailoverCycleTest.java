package dr.runbooks.actions.failback;

import dr.core.ExitCode;
import dr.core.model.StackSpec;
import dr.regions.database.DatabaseLayout;
import dr.regions.database.DatabaseRoles;
import dr.regions.discovery.TaggedState;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.cloudfront.EdgeSimulator;
import dr.regions.provision.Failover;
import dr.regions.readiness.ReadinessReport;
import dr.regions.readiness.ReadyStack;
import dr.regions.readiness.StackReadiness;
import dr.runbooks.RunbookResult;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole failover cycle twice on the sandbox stack (provisioned, then promote, reprotect, failback, promote,
 * reprotect, failback), with status after each reprotect and failback, a drill after the last, and a cleanup that leaves
 * nothing: a stack that went through two cycles looks to every command like a fresh one. Prints the figure
 * {@code FAILBACK: write freeze Ns (modeled), cycles 2/2, leftovers 0}.
 */
class FailoverCycleTest {
    private static final StackSpec SPEC = ReadyStack.spec();

    @TempDir
    Path temp;

    @Test
    void twoFullCyclesThenADrillAndACleanupThatLeavesNothing() throws Exception {
        InMemoryCloud cloud = ReadyStack.cloud();
        List<Long> freezes = new ArrayList<>();
        int cycles = 0;
        for (int cycle = 1; cycle <= 2; cycle++) {
            OperationsRun run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                    Files.createTempDirectory(temp, "cycle" + cycle));
            ok(run.run("promote-replica"));
            assertThat(Failover.read(SPEC, cloud)).isEqualTo(Failover.PROMOTED);

            ok(run.run("reprotect"));
            assertReprotected(cloud);
            assertReady(cloud);

            RunbookResult failback = run.run("failback");
            ok(failback);
            assertBackToNormal(cloud);
            assertReady(cloud);
            freezes.add(freezeSeconds(failback));
            cycles++;
        }
        // Every database the cycles made has its own identifier; the retired ones are kept, tagged so.
        DatabaseLayout layout = DatabaseLayout.read(SPEC, cloud);
        assertThat(layout.writer().orElseThrow().identifier()).isEqualTo("dr-db-g5");
        assertThat(layout.replica().orElseThrow().identifier()).isEqualTo("dr-db-g6");
        assertThat(layout.others()).extracting(DatabaseLayout.Placed::identifier)
                .containsExactlyInAnyOrder("dr-db", "dr-db-replica", "dr-db-g3", "dr-db-g4");

        OperationsRun last = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                Files.createTempDirectory(temp, "after"));
        ok(last.run("failover-drill"));
        ok(last.run("cleanup"));
        int leftovers = TaggedState.tagged(cloud, SPEC.stack()).size();
        assertThat(leftovers).isZero();

        System.out.println("FAILBACK: write freeze " + freezes.stream().mapToLong(Long::longValue).max().orElseThrow()
                + "s (modeled), cycles " + cycles + "/2, leftovers " + leftovers);
    }

    /** The sandbox (as its JSON) after the ready stack went through {@code runbooks}, journaled under {@code temp}. */
    static String stackAfter(Path temp, String... runbooks) throws IOException {
        InMemoryCloud cloud = ReadyStack.cloud();
        OperationsRun run = new OperationsRun(cloud, OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR),
                Files.createTempDirectory(temp, "setup"));
        for (String runbook : runbooks) {
            ok(run.run(runbook));
        }
        return SandboxStore.toJson(cloud.world());
    }

    static void ok(RunbookResult result) {
        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
    }

    static void assertReady(InMemoryCloud cloud) {
        ReadinessReport status = new StackReadiness(cloud, SPEC).check(cloud.world().time());
        assertThat(status.ready()).as(String.join("\n", status.reasons())).isTrue();
    }

    /** The primary region holds an encrypted read replica of the DR writer and runs at warm-standby size. */
    static void assertReprotected(InMemoryCloud cloud) {
        assertThat(Failover.read(SPEC, cloud)).isEqualTo(Failover.REPROTECTED);
        DatabaseLayout layout = DatabaseLayout.read(SPEC, cloud);
        DBInstance writer = layout.writer().orElseThrow().db();
        DBInstance replica = layout.replica().orElseThrow().db();
        assertThat(layout.replica().get().region()).isEqualTo(ReadyStack.PRIMARY);
        assertThat(replica.readReplicaSourceDBInstanceIdentifier()).isEqualTo(writer.dbInstanceArn());
        assertThat(replica.storageEncrypted()).isTrue();
        assertThat(replica.kmsKeyId()).contains(":" + ReadyStack.PRIMARY + ":");
        assertThat(layout.others()).allSatisfy(old -> assertThat(old.db().tagList())
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("dr:role=" + DatabaseRoles.RETIRED)));
        assertCapacity(cloud, ReadyStack.PRIMARY, SPEC.drCapacity().desired());
        assertCapacity(cloud, ReadyStack.DR, SPEC.primaryCapacity().desired());
    }

    /** The writer in the primary region, a replica of it in DR, DR at warm standby, users served from the primary. */
    static void assertBackToNormal(InMemoryCloud cloud) {
        assertThat(Failover.read(SPEC, cloud)).isEqualTo(Failover.NONE);
        DatabaseLayout layout = DatabaseLayout.read(SPEC, cloud);
        assertThat(layout.writer().orElseThrow().region()).isEqualTo(ReadyStack.PRIMARY);
        assertThat(layout.replica().orElseThrow().region()).isEqualTo(ReadyStack.DR);
        assertCapacity(cloud, ReadyStack.PRIMARY, SPEC.primaryCapacity().desired());
        assertCapacity(cloud, ReadyStack.DR, SPEC.drCapacity().desired());
        assertThat(new EdgeSimulator(cloud.world()).get("app." + ReadyStack.DOMAIN, "/_dr/region").body())
                .as("CloudFront serves from the primary again").isEqualTo(ReadyStack.PRIMARY);
        String drAlb = cloud.elb(ReadyStack.DR).describeLoadBalancers(r -> r.names("dr-alb-app")).loadBalancers()
                .get(0).loadBalancerArn();
        cloud.elb(ReadyStack.DR).describeListeners(r -> r.loadBalancerArn(drAlb)).listeners().forEach(listener ->
                assertThat(cloud.elb(ReadyStack.DR).describeRules(r -> r.listenerArn(listener.listenerArn())).rules())
                        .flatExtracting(rule -> rule.actions()).filteredOn(a -> a.fixedResponseConfig() != null)
                        .as("the freeze is lifted").noneMatch(a -> "503".equals(a.fixedResponseConfig().statusCode())));
    }

    static void assertCapacity(InMemoryCloud cloud, String region, int desired) {
        for (String name : new String[] {"dr-asg-web", "dr-asg-app"}) {
            AutoScalingGroup group = cloud.autoScaling(region).describeAutoScalingGroups(r -> r.autoScalingGroupNames(
                    name)).autoScalingGroups().get(0);
            assertThat(group.desiredCapacity()).as(name + " in " + region).isEqualTo(desired);
        }
    }

    /** The write freeze users saw, from the failback's report step outputs (its JSON). */
    static long freezeSeconds(RunbookResult failback) throws Exception {
        String json = Files.readString(Path.of(failback.find("report").orElseThrow().outputs().get("json").toString()));
        var freeze = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("writeFreeze");
        assertThat(freeze).as("the report has the freeze window").isNotNull();
        long seconds = freeze.get("seconds").asLong();
        assertThat(Duration.between(Instant.parse(freeze.get("frozenAt").asText()),
                Instant.parse(freeze.get("writesOnPrimaryAt").asText())).toSeconds()).isEqualTo(seconds);
        return seconds;
    }
}
