package dr.cli;

import dr.cli.runtime.SandboxSession;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.inmemory.world.World;
import dr.regions.discovery.TaggedState;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * dr on a sandbox file, killed right after a mutating call the cloud accepted (the process dies: nothing after it is
 * saved, not even the stack lock's release), then run again on what the file holds. The file must hold every call
 * made until the kill (AWS keeps what it accepted), with no temporary file beside it; the re-run must end in the
 * right state, judged from the file's cloud. Promotion is killed after every call; cleanup (over a hundred calls,
 * several seconds a kill here) after every tenth, to keep the suite's time in check.
 */
class SandboxKillReliabilityTest {
    @TempDir
    Path temp;

    /** What one kill left: the file as the dying process left it, and the world that had accepted the calls. */
    private static final class AtTheKill {
        String file;
        String world;
    }

    private record Kill(long atCall, AtTheKill seen) {
    }

    /**
     * dr, in-process, on the real sandbox session over {@code file}; {@code prepare} sees each session's world. A
     * killed command leaves its session open, as a dead process would: its lock (held by this JVM) is let go here.
     */
    private static DrRunner.Result dr(Path home, Path file, Consumer<World> prepare, String... args) {
        TestEnvironment environment = new TestEnvironment(home.resolve("home"), home.resolve("work"));
        List<SandboxSession> opened = new ArrayList<>();
        Main main = new Main(connection -> {
            SandboxSession session = SandboxSession.open(file);
            opened.add(session);
            prepare.accept(session.world());
            return session;
        }, environment);
        try {
            return execute(main, args);
        } catch (SimulatedCrash killed) {
            String atTheKill = read(file);
            opened.forEach(SandboxSession::close);
            write(file, atTheKill); // the process died: nothing after the kill was saved
            throw killed;
        }
    }

    private static DrRunner.Result execute(Main main, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new DrRunner.Result(code, out.toString(), err.toString());
    }

    private static Consumer<World> killAt(long call, Path file, AtTheKill seen) {
        return world -> {
            world.faults().crashAtMutatingCall(call, CrashPoint.AFTER_CALL);
            world.addChangeListener(change -> {
                if (world.faults().mutatingCalls() == call) {
                    seen.file = read(file);
                    seen.world = SandboxStore.toJson(world);
                }
            });
        };
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> filesBeside(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Mutating calls a whole run of {@code args} makes on a ready stack's sandbox. */
    private long callsOfAWholeRun(String... args) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("whole"));
        Path file = Files.writeString(dir.resolve("sandbox.json"), ReadyStack.json());
        long[] calls = new long[1];
        DrRunner.Result whole = dr(dir, file, world -> world.addChangeListener(change -> calls[0] = world.faults()
                .mutatingCalls()), withSandbox(args, file));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        return calls[0];
    }

    /**
     * Kills {@code args} after every {@code stride}-th mutating call (from the first; and the last), checks the file
     * at each kill, runs the command again on it and checks the end state. With {@code stride} 1 the file must equal
     * the world at the kill: with one call at a time, nothing else can be in flight. Returns the kills that converged.
     */
    private int killAfterCallsThenRunAgain(String name, int stride, Consumer<InMemoryCloud> rightEndState,
                                           String... args) throws IOException {
        long calls = callsOfAWholeRun(args);
        int held = 0;
        int converged = 0;
        int kills = 0;
        for (long call = 1; call <= calls; call = call + stride > calls && call < calls ? calls : call + stride) {
            long n = call;
            kills++;
            Path dir = Files.createDirectories(temp.resolve(name + "-" + n));
            Path file = Files.writeString(Files.createDirectories(dir.resolve("state")).resolve("sandbox.json"),
                    ReadyStack.json());
            AtTheKill seen = new AtTheKill();
            String[] withFile = withSandbox(args, file);
            assertThatThrownBy(() -> dr(dir, file, killAt(n, file, seen), withFile))
                    .as("%s killed at mutating call %d", name, n).isInstanceOf(SimulatedCrash.class);
            Kill kill = new Kill(n, seen);
            if (stride == 1) {
                assertThat(kill.seen().file).as("the file at the kill after call %d holds every call until then", n)
                        .isEqualTo(kill.seen().world);
                held++;
            }

            DrRunner.Result again = dr(dir, file, world -> { }, withFile);
            assertThat(again.exitCode()).as("%s run again after a kill at call %d: %s", name, n, again.err()).isZero();
            rightEndState.accept(new InMemoryCloud(new SandboxStore(file).load()));
            assertThat(filesBeside(file)).as("no temporary file left").containsExactly("journal", "sandbox.json",
                    "sandbox.json.lock");
            converged++;
        }
        System.out.printf("RELIABILITY %s in the sandbox killed after %s mutating call (%d kills of %d calls):%s run "
                        + "again, right end state from the file %d/%d%n", name, stride == 1 ? "every" : "every "
                        + stride + "th", kills, calls, stride == 1 ? " the state file held every accepted call "
                        + held + "/" + kills + ";" : "", converged, kills);
        return converged == kills ? converged : -1;
    }

    private static String[] withSandbox(String[] args, Path file) {
        String[] all = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            all[i] = args[i].equals("--sandbox") ? "--sandbox=" + file : args[i];
        }
        return all;
    }

    @Test
    void promoteKilledAfterEveryMutatingCallKeepsEachInTheFileAndARerunPromotes() throws IOException {
        int converged = killAfterCallsThenRunAgain("promote-replica", 1, cloud -> {
            DBInstance db = cloud.rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica"))
                    .dbInstances().get(0);
            assertThat(db.readReplicaSourceDBInstanceIdentifier()).as("writable").isNull();
            assertThat(db.dbInstanceStatus()).isEqualTo("available");
            assertThat(db.deletionProtection()).isTrue();
            for (String name : new String[] {"dr-asg-web", "dr-asg-app"}) {
                AutoScalingGroup group = cloud.autoScaling(ReadyStack.DR).describeAutoScalingGroups(r -> r
                        .autoScalingGroupNames(name)).autoScalingGroups().get(0);
                assertThat(group.instances()).filteredOn(i -> i.lifecycleStateAsString().equals("InService"))
                        .hasSize(group.desiredCapacity()).hasSize(2);
            }
        }, "promote-replica", "--sandbox", "--dr", ReadyStack.DR, "--yes", "-q");
        assertThat(converged).isPositive();
    }

    @Test
    void cleanupKilledAfterEveryTenthMutatingCallThenRunAgainLeavesNothing() throws IOException {
        int converged = killAfterCallsThenRunAgain("cleanup", 10, cloud ->
                        assertThat(TaggedState.tagged(cloud, "dr")).as("left of the stack").isEmpty(),
                "cleanup", "--sandbox", "--primary", ReadyStack.PRIMARY, "--dr", ReadyStack.DR, "--yes", "-q");
        assertThat(converged).isPositive();
    }
}
