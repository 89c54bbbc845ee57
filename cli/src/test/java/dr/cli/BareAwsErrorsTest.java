package dr.cli;

import dr.regions.drill.DrillStacks;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.world.Faults.CrashPoint;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every command against AWS errors that carry nothing but an HTTP status: no error code, no message (what the SDK
 * raises when AWS answers with an empty error body, e.g. a 404 from a Backup list). For each command, a calm run
 * lists the operations it calls; then, one run per operation, that operation fails that way on a fresh copy of the
 * stack. No output (stdout, stderr, report files) may show {@code null}, the exit code is never 4 (internal error),
 * and the failure is named with its service, operation and status. Text and {@code --output json} alternate.
 */
class BareAwsErrorsTest {
    private static final String PRIMARY = ReadyStack.PRIMARY;
    private static final String DR = ReadyStack.DR;
    private static final int[] STATUSES = {404, 400, 403, 500};

    @TempDir
    Path temp;
    private int runs;

    @Test
    void provision() {
        everyOperationFailing("provision", () -> new DrRunner(next(), new InMemoryCloud(
                dr.regions.inmemory.SandboxAccount.create())), null,
                "provision", "--primary", PRIMARY, "--dr", DR, "--domain", "example.com", "--sandbox");
    }

    @Test
    void status() {
        everyOperationFailing("status", this::ready, null, "status", "--sandbox");
    }

    @Test
    void graphLive() {
        everyOperationFailing("graph", this::ready, null, "graph", "--live", "--primary", PRIMARY, "--dr", DR,
                "--sandbox");
    }

    @Test
    void failoverDrill() {
        everyOperationFailing("drill", () -> new DrRunner(next(), DrillStacks.provisioned(DrillStacks.withDomain())),
                null, "failover", "drill", "--sandbox", "--yes", "--report", "REPORTS");
    }

    @Test
    void failoverRestore() {
        everyOperationFailing("restore", () -> new DrRunner(next(), DrillStacks.provisioned(DrillStacks.withDomain())),
                BareAwsErrorsTest::crashADrill, "failover", "restore", "--sandbox", "--report", "REPORTS");
    }

    @Test
    void promoteReplica() {
        everyOperationFailing("promote", this::ready, null, "promote-replica", "--sandbox", "--dr", DR, "--yes",
                "--report", "REPORTS");
    }

    @Test
    void cleanup() {
        everyOperationFailing("cleanup", this::ready, null, "cleanup", "--sandbox", "--primary", PRIMARY, "--dr", DR,
                "--yes", "--report", "REPORTS");
    }

    @Test
    void runbookRun() {
        everyOperationFailing("runbook", this::ready, null, "runbook", "run", "status", "--sandbox", "--primary",
                PRIMARY, "--dr", DR, "--report", "REPORTS");
    }

    private DrRunner ready() {
        return new DrRunner(next(), ReadyStack.cloud());
    }

    private Path next() {
        return temp.resolve("run-" + runs++);
    }

    /** A drill killed after it revoked the first group's rules: what {@code failover restore} puts back. */
    private static void crashADrill(DrRunner dr) {
        dr.cloud.world().faults().crashAtMutatingCall(2, CrashPoint.AFTER_CALL);
        assertThatThrownBy(() -> dr.run("failover", "drill", "--sandbox", "--yes", "--report",
                dr.workingDirectory.resolve("reports").toString())).isInstanceOf(SimulatedCrash.class);
        dr.cloud.world().faults().noCrash();
    }

    private interface Setup {
        void prepare(DrRunner dr);
    }

    private void everyOperationFailing(String name, Supplier<DrRunner> stack, Setup setup, String... args) {
        DrRunner calm = prepared(stack, setup);
        DrRunner.Result calmResult = calm.run(withReports(calm, args, false));
        assertThat(calmResult.exitCode()).as("%s without faults; stderr: %s", name, calmResult.err()).isNotEqualTo(4);
        Set<CallLog.Call> operations = new LinkedHashSet<>();
        calm.cloud.world().calls().all().forEach(call -> operations.add(
                new CallLog.Call(call.service(), call.operation(), "any", call.mutating(), null)));
        assertThat(operations).as("operations %s calls", name).isNotEmpty();
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (CallLog.Call operation : operations) {
            int status = STATUSES[index % STATUSES.length];
            boolean json = index++ % 2 == 1;
            DrRunner dr = prepared(stack, setup);
            dr.cloud.world().faults().bareError(operation.service(), operation.operation(), null, status);
            DrRunner.Result result = dr.run(withReports(dr, args, json));
            String output = result.out() + result.err() + reports(dr);
            String what = name + " with " + operation.service() + ":" + operation.operation() + " answering HTTP "
                    + status + (json ? " (json)" : "");
            if (result.exitCode() == 4) {
                failures.add(what + ": exit 4\n" + result.err());
            }
            if (output.contains("null")) {
                failures.add(what + ": output shows null\n" + lines(output, "null"));
            }
            boolean called = dr.cloud.world().calls().all().stream().anyMatch(call -> call.service()
                    .equals(operation.service()) && call.operation().equals(operation.operation()));
            if (called && result.exitCode() != 0 && !output.contains(operation.operation())) {
                failures.add(what + ": exit " + result.exitCode() + " without naming the operation\n" + output);
            }
        }
        System.out.printf("BARE-ERRORS %s: %d operations, each failing in its own run with no code and no message%n",
                name, operations.size());
        assertThat(failures).as("runs of %s", name).isEmpty();
    }

    private static DrRunner prepared(Supplier<DrRunner> stack, Setup setup) {
        DrRunner dr = stack.get();
        if (setup != null) {
            setup.prepare(dr);
        }
        dr.cloud.world().calls().reset();
        return dr;
    }

    private static String[] withReports(DrRunner dr, String[] args, boolean json) {
        List<String> all = new ArrayList<>();
        for (String arg : args) {
            all.add(arg.equals("REPORTS") ? dr.workingDirectory.resolve("reports").toString() : arg);
        }
        if (json) {
            all.add("--output");
            all.add("json");
        }
        return all.toArray(String[]::new);
    }

    private static String reports(DrRunner dr) {
        Path directory = dr.workingDirectory.resolve("reports");
        if (!Files.isDirectory(directory)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(file.getFileName()).append(": ").append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String lines(String output, String word) {
        return String.join("\n", output.lines().filter(line -> line.contains(word)).limit(5).toList());
    }
}
