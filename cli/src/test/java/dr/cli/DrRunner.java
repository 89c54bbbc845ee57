package dr.cli;

import dr.cli.runtime.CloudSession;
import dr.cli.runtime.Connection;
import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.lock.LockZone;
import dr.regions.lock.StackLock;
import dr.regions.inmemory.SandboxAccount;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs dr in-process against an in-memory cloud and a clean test environment, capturing what it prints. */
final class DrRunner {
    final InMemoryCloud cloud;
    final List<Connection> sessionsOpened = new ArrayList<>();
    final TestEnvironment environment;
    final Path workingDirectory;

    DrRunner(Path tempDir) {
        this(tempDir, new InMemoryCloud(SandboxAccount.create()));
    }

    /** Over a cloud the test prepared, e.g. a copy of an already provisioned sandbox account. */
    DrRunner(Path tempDir, InMemoryCloud cloud) {
        this.cloud = cloud;
        try {
            this.workingDirectory = Files.createDirectories(tempDir.resolve("work"));
            this.environment = new TestEnvironment(Files.createDirectories(tempDir.resolve("home")), workingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(connection -> {
            sessionsOpened.add(connection);
            return CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock());
        }, environment);
        int code = main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs a command that a Ctrl-C ends ({@link TestEnvironment#ctrlCAsTheRunEnds}): what it printed until then. */
    Result runEndedByCtrlC(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Main main = new Main(connection -> CloudSession.of(cloud, cloud.dataPlane(), cloud.world().clock()),
                environment);
        try {
            main.execute(new PrintWriter(out), new PrintWriter(err), args);
        } catch (TestEnvironment.ProcessEnded ended) {
            return new Result(-1, out.toString(), err.toString());
        }
        throw new AssertionError("the command was not interrupted; stderr: " + err);
    }

    Path file(String name, String content) {
        try {
            Path file = workingDirectory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit 2, exactly one line on stderr naming the problem, nothing on stdout, no client created or called. */
    void assertRejected(Result result, String message) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.errLines()).as("stderr").hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("dr: ").contains(message);
        assertThat(result.out()).as("stdout").isEmpty();
        assertNoAwsClientUsed();
    }

    /** Where the call log and Route 53's change history stand now, to count what a command changed after it. */
    record Mark(int calls, int route53Changes, boolean lockZone) {
    }

    Mark mark() {
        return new Mark(cloud.world().calls().all().size(), cloud.world().route53.changes.size(), lockZoneExists());
    }

    private boolean lockZoneExists() {
        return cloud.world().route53.hostedZones.values().stream().anyMatch(zone -> zone.name.equals(LockZone.NAME));
    }

    /**
     * The mutating calls made since {@code mark} ({@code service:Operation}), without the stack lock's own: every
     * command that changes the cloud takes and releases its lock, one Route 53 change each (recognised by the lock's
     * change comment), and creates the lock zone when the account has none yet.
     */
    List<String> changesBesideTheLockSince(Mark mark) {
        List<String> changes = new ArrayList<>(cloud.world().calls().all().subList(mark.calls(),
                        cloud.world().calls().all().size()).stream()
                .filter(CallLog.Call::mutating).map(call -> call.service() + ":" + call.operation()).toList());
        long lockChanges = cloud.world().route53.changes.values().stream().skip(mark.route53Changes())
                .filter(change -> change.comment != null && change.comment.startsWith(StackLock.COMMENT)).count();
        for (long i = 0; i < lockChanges; i++) {
            changes.remove("route53:ChangeResourceRecordSets");
        }
        if (!mark.lockZone() && lockZoneExists()) {
            changes.remove("route53:CreateHostedZone");
            changes.remove("route53:ChangeTagsForResource");
        }
        return changes;
    }

    void assertNoAwsClientUsed() {
        assertThat(cloud.world().calls().total()).as("calls to the cloud").isZero();
        assertThat(sessionsOpened).as("cloud sessions opened").isEmpty();
    }

    /** Exit 0: every input check passed and the command did its work. */
    void assertSucceeded(Result result) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
    }
}
