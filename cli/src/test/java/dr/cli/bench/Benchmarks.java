package dr.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dr.regions.inmemory.world.CallLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark entry point: prints P1 to P4, each measured in this one run. Figures, not assertions.
 *
 * <pre>
 * mvn -B -q -Pbench -DskipTests -pl cli -am package          (see BENCHMARKS.md)
 * java -cp &lt;cli test classpath&gt; dr.cli.bench.Benchmarks --jar cli/target/dr.jar [--runs 7]
 * </pre>
 *
 * P1 and the P2 call count run dr in this JVM on the in-memory cloud (modeled clock, call log); the P2 and P4
 * wall times start {@code java -jar dr.jar} processes and take medians.
 */
public final class Benchmarks {
    private static final String[] PROVISION = {"provision", "--primary", "us-east-1", "--dr", "us-west-2"};
    private static final int DEFAULT_RUNS = 7;

    private final Path jar;
    private final int runs;
    private final Path scratch;
    private final Path archive;
    private final boolean startupOnly;

    private Benchmarks(Path jar, int runs, Path scratch, Path archive, boolean startupOnly) {
        this.jar = jar;
        this.runs = runs;
        this.scratch = scratch;
        this.archive = archive;
        this.startupOnly = startupOnly;
    }

    public static void main(String[] args) throws IOException {
        Path jar = null;
        Path archive = null;
        boolean startupOnly = false;
        int runs = DEFAULT_RUNS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]).toAbsolutePath();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--archive" -> archive = Path.of(args[++i]).toAbsolutePath();
                case "--startup-only" -> startupOnly = Boolean.parseBoolean(args[++i]);
                default -> throw new IllegalArgumentException("usage: Benchmarks --jar PATH/dr.jar [--runs N] "
                        + "[--archive PATH/dr-VERSION.tar.gz] [--startup-only true|false]; got " + args[i]);
            }
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("--jar must name the built dr.jar (mvn package builds it); got " + jar);
        }
        if (runs < 5) {
            throw new IllegalArgumentException("--runs must be at least 5 for a median, got " + runs);
        }
        Path scratch = Files.createTempDirectory("dr-bench");
        try {
            new Benchmarks(jar, runs, scratch, archive, startupOnly).run();
        } finally {
            deleteRecursively(scratch);
        }
    }

    private void run() {
        print(String.format(Locale.ROOT, "dr benchmarks: Java %s, %d CPUs, %d runs per wall-time median, JVM flags %s",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs,
                String.join(" ", Processes.LAUNCHER_FLAGS)));
        Processes processes = new Processes(scratch);
        if (!startupOnly) {
            InProcessDr defaultStack = new InProcessDr(scratch.resolve("p1-default"));
            p1(defaultStack, new InProcessDr(scratch.resolve("p1-domain")));
            p2Calls(defaultStack);
        }
        p2WallTime(processes);
        if (!startupOnly) {
            DrillRto.measure(scratch).forEach(this::print);
        }
        p4(processes);
        if (archive != null && Files.isRegularFile(archive)) {
            InstalledStartup.measure(archive, scratch, runs, processes).forEach(this::print);
        } else {
            print("P5: skipped: no release archive (" + archive + "); mvn package builds it");
        }
    }

    /** P1: modeled provision time ÷ critical-path bound, default topology and with --domain. */
    private void p1(InProcessDr defaultStack, InProcessDr domainStack) {
        JsonNode plain = defaultStack.json(with(PROVISION, "--sandbox"));
        JsonNode domain = domainStack.json(with(PROVISION, "--sandbox", "--domain", "example.com"));
        print("P1: modeled provision time ÷ critical-path bound");
        print("    default:                " + schedule(plain));
        String sameSteps = domain.path("resources").size() == plain.path("resources").size()
                ? "; same steps as the default: no domain (edge) steps exist yet" : "";
        print("    --domain example.com:   " + schedule(domain) + sameSteps);
        print("    critical path:          " + chain(plain));
    }

    private static String schedule(JsonNode report) {
        return String.format(Locale.ROOT, "%.3f  (%s ÷ %s, %d steps)", report.path("durationOverCriticalPath").asDouble(),
                minutes(report.path("durationSeconds").asLong()), minutes(report.path("criticalPathSeconds").asLong()),
                report.path("resources").size());
    }

    private static String chain(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.path("criticalPath").forEach(key -> keys.add(key.asText()));
        return String.join(" → ", keys);
    }

    /** P2 (calls): a no-op re-provision in the same account; calls ÷ managed resources. */
    private void p2Calls(InProcessDr dr) {
        CallLog calls = dr.cloud().world().calls();
        calls.reset();
        JsonNode again = dr.json(with(PROVISION, "--sandbox"));
        int resources = again.path("resources").size();
        long changed = stream(again.path("resources")).filter(r -> !r.path("action").asText().equals("unchanged")).count();
        print(String.format(Locale.ROOT, "P2: AWS calls of a no-op re-provision ÷ managed resources = %.2f  "
                        + "(%d calls ÷ %d resources; %d mutating; %d resources not 'unchanged')",
                (double) calls.total() / resources, calls.total(), resources, calls.mutating(), changed));
        String byOperation = calls.byOperation().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        print("    by operation: " + byOperation);
    }

    /** P2 (wall time): the no-op re-provision as a process on a sandbox file ÷ {@code dr --version}. */
    private void p2WallTime(Processes processes) {
        String sandbox = "--sandbox=" + scratch.resolve("p2-sandbox.json");
        List<String> provision = dr(with(PROVISION, sandbox));
        processes.runMillis(provision); // the first run builds the stack; every later run is the no-op
        double[] medians = processes.medians(runs, List.of(provision, dr("--version")));
        print(String.format(Locale.ROOT, "P2: no-op re-provision wall time (sandbox) ÷ dr --version = %.2f  "
                + "(%.0f ms ÷ %.0f ms, medians of %d)", medians[0] / medians[1], medians[0], medians[1], runs));
    }

    /** P4: {@code dr --help} ÷ a bare JVM printing one line. */
    private void p4(Processes processes) {
        double[] medians = processes.medians(runs, List.of(dr("--help"), BareJvm.compile(scratch)));
        print(String.format(Locale.ROOT, "P4: dr --help wall time ÷ bare JVM printing one line = %.2f  "
                + "(%.0f ms ÷ %.0f ms, medians of %d)", medians[0] / medians[1], medians[0], medians[1], runs));
    }

    private List<String> dr(String... args) {
        List<String> command = new ArrayList<>(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private void print(String line) {
        System.out.println(line);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String minutes(long seconds) {
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
