package dr.cli;

import dr.cli.runtime.CloudSession;
import dr.core.clock.Clock;
import dr.regions.discovery.StackInventory;
import dr.regions.discovery.StackResource;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.lock.LockHolder;
import dr.regions.lock.StackLock;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 item 1: the stack lock as operators meet it, through the commands. */
class StackLockCommandTest {
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";
    private static final LockHolder BOB = new LockHolder("bob", "ci-runner", 202, "run-b");

    @TempDir
    Path temp;

    private static StackLock lock(InMemoryCloud cloud) {
        return new StackLock(cloud.route53(), "dr");
    }

    /** Bob's provision, running on another machine, holds the lock (taken now on the cloud's clock). */
    private static StackLock.Taken bobIsRunning(InMemoryCloud cloud) {
        return (StackLock.Taken) lock(cloud).tryAcquire(BOB, "provision", cloud.world().clock().now(),
                StackLock.StaleCheck.NEVER);
    }

    private static boolean isLockChange(String comment) {
        return comment != null && comment.startsWith(StackLock.COMMENT);
    }

    private static String[] provision(String... extra) {
        List<String> args = new ArrayList<>(List.of("provision", "--primary", PRIMARY, "--dr", DR, "--sandbox", "-q"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static long vpcs(InMemoryCloud cloud) {
        return cloud.ec2(PRIMARY).describeVpcs().vpcs().stream()
                .filter(v -> v.tags().stream().anyMatch(t -> t.key().equals("dr:stack"))).count();
    }

    @Test
    void aSecondRunExitsOneNamingTheHolderAndChangesNothing() {
        DrRunner dr = new DrRunner(temp);
        bobIsRunning(dr.cloud);
        DrRunner.Mark before = dr.mark();

        DrRunner.Result second = dr.run(provision());

        assertThat(second.exitCode()).as("stderr: %s", second.err()).isEqualTo(1);
        assertThat(second.err()).contains("stack dr is locked by bob@ci-runner (pid 202) running 'provision' since "
                + "2026-01-01T00:00:00Z", "--wait", "dr unlock --stack dr");
        assertThat(dr.changesBesideTheLockSince(before)).as("one refused CREATE of the lock record, nothing else")
                .containsExactly("route53:ChangeResourceRecordSets");
        assertThat(dr.cloud.world().route53.changes).hasSize(before.route53Changes());
        assertThat(vpcs(dr.cloud)).isZero();
        assertThat(lock(dr.cloud).current()).get().satisfies(c -> assertThat(c.info().orElseThrow().holder())
                .isEqualTo(BOB));
    }

    @Test
    void everyChangingCommandTakesTheLockAndReleasesItWhenItEnds() {
        DrRunner dr = new DrRunner(temp);

        dr.assertSucceeded(dr.run(provision()));

        assertThat(lock(dr.cloud).current()).as("released after success").isEmpty();
        long lockChanges = dr.cloud.world().route53.changes.values().stream().filter(c -> isLockChange(c.comment))
                .count();
        assertThat(lockChanges).as("taken, renewed in the 35 modeled minutes of a provision (every 5), released")
                .isBetween(2L + 35 / 5 - 1, 2L + 35 / 5 + 1);
        DrRunner.Result status = dr.run("status", "--sandbox", "--primary", PRIMARY, "--dr", DR);
        assertThat(status.exitCode()).isIn(0, 3);
        assertThat(dr.cloud.world().route53.changes.values()).filteredOn(c -> isLockChange(c.comment))
                .as("status is read-only: no lock").hasSize((int) lockChanges);
    }

    @Test
    void theLockIsReleasedAlsoWhenTheCommandFails() {
        DrRunner dr = new DrRunner(temp);
        dr.cloud.world().faults().bareError("CreateVpc", 500);

        DrRunner.Result failed = dr.run(provision());

        assertThat(failed.exitCode()).as("stderr: %s", failed.err()).isEqualTo(1);
        assertThat(lock(dr.cloud).current()).as("released after a failure").isEmpty();
    }

    @Test
    void withWaitItTakesTheLockOnceTheFirstRunReleasesIt() {
        InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
        StackLock.Taken bob = bobIsRunning(cloud);
        int[] waits = {0};
        Clock releasedAfterAMinute = new Clock() {
            @Override
            public Instant now() {
                return cloud.world().clock().now();
            }

            @Override
            public void waitUntil(Instant instant) {
                cloud.world().clock().waitUntil(instant);
                if (++waits[0] == 6) {
                    lock(cloud).release(bob.lock());
                }
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(connection -> CloudSession.of(cloud, cloud.dataPlane(), releasedAfterAMinute), environment("alice", "laptop"));

        int code = main.execute(new PrintWriter(out), new PrintWriter(err), provision("--wait=20m"));

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(err.toString()).contains("dr: waiting for the stack lock on dr, held by bob@ci-runner (pid 202) "
                + "running 'provision' since 2026-01-01T00:00:00Z (lease until 2026-01-01T00:10:00Z) (waited 0s of 20m00s)")
                .doesNotContain("took over");
        assertThat(vpcs(cloud)).isOne();
        assertThat(lock(cloud).current()).isEmpty();
    }

    @Test
    void withWaitItGivesUpAfterItsPatienceWhileTheHolderIsAlive() {
        DrRunner dr = new DrRunner(temp);
        bobIsRunning(dr.cloud);

        DrRunner.Result result = dr.run(provision("--wait=5m"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("waiting for the stack lock on dr", "still after waiting 5m00s");
        assertThat(vpcs(dr.cloud)).isZero();
    }

    @Test
    void aBadWaitIsBadInputBeforeAnyCall() {
        DrRunner dr = new DrRunner(temp);

        dr.assertRejected(dr.run(provision("--wait=soon")), "--wait soon: not a duration");
    }

    @Test
    void anExpiredLeaseIsTakenOverOnTheModeledClockAndSaysSo() {
        DrRunner dr = new DrRunner(temp);
        bobIsRunning(dr.cloud);
        dr.cloud.world().clock().advance(StackLock.LEASE);

        DrRunner.Result result = dr.run(provision());

        dr.assertSucceeded(result);
        assertThat(result.err()).contains("dr: took over the stack lock of bob@ci-runner (pid 202) running "
                + "'provision' since 2026-01-01T00:00:00Z (lease until 2026-01-01T00:10:00Z): its lease ran out");
        assertThat(lock(dr.cloud).current()).isEmpty();
    }

    @Test
    void unlockShowsWhoHeldItAsksAndBreaksIt() {
        DrRunner dr = new DrRunner(temp);
        bobIsRunning(dr.cloud);

        DrRunner.Result unconfirmed = dr.run("unlock", "--stack", "dr", "--sandbox");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.out()).contains("Stack dr is locked by bob@ci-runner (pid 202) running 'provision'");
        assertThat(unconfirmed.err()).contains("pass --yes");
        assertThat(lock(dr.cloud).current()).isPresent();

        DrRunner.Result unlocked = dr.run("unlock", "--stack", "dr", "--sandbox", "--yes");

        dr.assertSucceeded(unlocked);
        assertThat(unlocked.out()).contains("Unlocked stack dr: removed the lock of bob@ci-runner (pid 202) running "
                + "'provision' since 2026-01-01T00:00:00Z");
        assertThat(lock(dr.cloud).current()).isEmpty();
        dr.assertSucceeded(dr.run(provision()));

        DrRunner.Result nothing = dr.run("unlock", "--stack", "dr", "--sandbox", "--yes", "--output", "json");
        dr.assertSucceeded(nothing);
        assertThat(nothing.out().replaceAll("\\s", "")).isEqualTo("{\"stack\":\"dr\",\"unlocked\":false}");
    }

    @Test
    void theIamPolicyOfEveryChangingCommandAllowsTheLocksCalls() {
        DrRunner dr = new DrRunner(temp);
        for (String command : new String[] {"provision", "drill", "promote", "cleanup"}) {
            DrRunner.Result policy = dr.run("iam-policy", "--for", command);

            dr.assertSucceeded(policy);
            assertThat(policy.out()).as(command).contains("route53:ListHostedZonesByName",
                    "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets");
        }
    }

    @Test
    void promoteReplicaWithRoute53DarkSaysSoAndGoesOn() {
        DrRunner dr = new DrRunner(temp, ReadyStack.cloud());
        dr.cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY); // us-east-1: Route 53's control plane too

        DrRunner.Result result = dr.run("promote-replica", "--sandbox", "--dr", ReadyStack.DR, "--yes");

        dr.assertSucceeded(result);
        assertThat(result.err()).contains("dr: the stack lock could not be taken: Route 53's API does not answer",
                "promote-replica goes on without it");
        assertThat(dr.cloud.rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica"))
                .dbInstances().get(0).readReplicaSourceDBInstanceIdentifier()).as("promoted").isNull();

        // --yes: straight to the lock (without it, provision's look at the stack's settings, before the lock, is
        // what meets the dark region first)
        DrRunner.Result provision = dr.run("provision", "--sandbox", "--primary", ReadyStack.PRIMARY, "--dr",
                ReadyStack.DR, "--yes");
        assertThat(provision.exitCode()).isEqualTo(1);
        assertThat(provision.err()).contains("the stack lock could not be taken", "nothing was changed");
    }

    /**
     * The race of issue 15 item 1 (two provisions, the last save wins), run by N operators on N machines at once: each
     * run either does its work under the lock or exits 1 naming the holder, and the stack ends exactly as one
     * provision builds it: nothing lost, nothing built twice.
     */
    @Test
    void racingRunsLoseOrClobberNothing() throws Exception {
        int runs = 6;
        Map<String, Long> reference = inventory(provisioned(new InMemoryCloud(SandboxAccount.create())));
        InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String[]>> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Main main = new Main(connection -> CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock()),
                    environment("op" + i, "machine-" + i));
            results.add(pool.submit(() -> {
                start.await();
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int code = main.execute(new PrintWriter(out), new PrintWriter(err), provision());
                return new String[] {String.valueOf(code), err.toString()};
            }));
        }
        start.countDown();
        List<String[]> outcomes = new ArrayList<>();
        for (Future<String[]> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        Map<String, Long> after = inventory(cloud);
        long lost = reference.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue()
                - after.getOrDefault(e.getKey(), 0L))).sum();
        long clobbered = after.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue()
                - reference.getOrDefault(e.getKey(), 0L))).sum();
        long refused = outcomes.stream().filter(o -> o[0].equals("1")).count();
        System.out.printf("CONCURRENCY: %d racing runs, lock held: %d lost or clobbered resources (%d ran under the "
                + "lock, %d refused naming the holder; %d resources checked)%n", runs, lost + clobbered,
                runs - refused, refused, reference.values().stream().mapToLong(Long::longValue).sum());
        assertThat(outcomes).allSatisfy(o -> assertThat(o[0]).as("exit code; stderr: %s", o[1]).isIn("0", "1"));
        assertThat(outcomes).filteredOn(o -> o[0].equals("1"))
                .allSatisfy(o -> assertThat(o[1]).contains("stack dr is locked by op", "@machine-"));
        assertThat(outcomes).filteredOn(o -> o[0].equals("0")).isNotEmpty();
        assertThat(lost + clobbered).isZero();
        assertThat(after).isEqualTo(reference);
        assertThat(lock(cloud).current()).isEmpty();
    }

    private InMemoryCloud provisioned(InMemoryCloud cloud) {
        int code = new Main(connection -> CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock()), environment("ref", "ref"))
                .execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), provision());
        assertThat(code).isZero();
        return cloud;
    }

    /** The stack as discovery sees it: how many resources of each kind and role, per region. */
    private static Map<String, Long> inventory(InMemoryCloud cloud) {
        return new StackInventory(cloud, "dr").withIdentity().scan(PRIMARY, DR).resources().stream()
                .collect(Collectors.groupingBy(StackLockCommandTest::key, TreeMap::new, Collectors.counting()));
    }

    private static String key(StackResource resource) {
        return resource.kind() + "/" + resource.region() + "/" + resource.role();
    }

    private TestEnvironment environment(String user, String host) {
        try {
            Path base = Files.createDirectories(temp.resolve("machines").resolve(host));
            return new TestEnvironment(Files.createDirectories(base.resolve("home")),
                    Files.createDirectories(base.resolve("work"))).set("USER", user).set("HOSTNAME", host);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
