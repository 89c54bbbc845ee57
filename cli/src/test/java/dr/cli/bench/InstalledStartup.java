package dr.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * P5, start-up as an operator gets it: the release archive unpacked into the scratch folder and run through its
 * {@code bin/dr}, with the start-up cache that launcher makes at first run (in a scratch HOME). Prints
 * {@code dr --help} ÷ a bare JVM and a no-op sandbox provision ÷ {@code dr --version} (issue 20's two targets,
 * ≤ 2.5 and ≤ 2), and how many classes each command loads, and how many of those are AWS SDK and Jackson YAML
 * classes, which the commands that make no AWS call should not load.
 */
final class InstalledStartup {
    private static final List<List<String>> COUNTED = List.of(List.of("--help"), List.of("--version"),
            List.of("completion", "bash"), List.of("runbook", "list"), List.of("iam-policy"));

    private final Path scratch;
    private final int runs;
    private final Processes processes;
    private final Path launcher;
    private final Map<String, String> variables;

    private InstalledStartup(Path archive, Path scratch, int runs, Processes processes) {
        this.scratch = scratch;
        this.runs = runs;
        this.processes = processes;
        try {
            Path opt = Files.createDirectories(scratch.resolve("installed"));
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", opt.toString()).inheritIO().start();
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("tar -xzf " + archive + " failed");
            }
            String folder = archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
            this.launcher = opt.resolve(folder).resolve("bin/dr");
            this.variables = Map.of("HOME", Files.createDirectories(scratch.resolve("home")).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static List<String> measure(Path archive, Path scratch, int runs, Processes processes) {
        return new InstalledStartup(archive, scratch, runs, processes).measure();
    }

    private List<String> measure() {
        List<String> lines = new ArrayList<>();
        dr(List.of("--version")).get(); // the first run makes the start-up cache
        String sandbox = "--sandbox=" + scratch.resolve("p5-sandbox.json");
        Supplier<Double> provision = dr(List.of("provision", "--primary", "us-east-1", "--dr", "us-west-2", sandbox, "-q"));
        provision.get(); // builds the stack; every later run is the no-op
        List<String> bare = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        bare.addAll(Processes.LAUNCHER_FLAGS);
        bare.addAll(BareJvm.compile(scratch));

        double[] help = Processes.mediansOf(runs, List.of(dr(List.of("--help")), () -> processes.commandMillis(bare, Map.of())));
        lines.add(String.format(Locale.ROOT, "P5: installed bin/dr --help ÷ bare JVM printing one line = %.2f  "
                + "(%.0f ms ÷ %.0f ms, medians of %d; target ≤ 2.5)", help[0] / help[1], help[0], help[1], runs));
        double[] noOp = Processes.mediansOf(runs, List.of(provision, dr(List.of("--version"))));
        lines.add(String.format(Locale.ROOT, "P5: installed no-op sandbox provision ÷ bin/dr --version = %.2f  "
                + "(%.0f ms ÷ %.0f ms, medians of %d; target ≤ 2)", noOp[0] / noOp[1], noOp[0], noOp[1], runs));
        lines.add("P5: classes loaded (all / AWS SDK / Jackson YAML / dr command classes):");
        for (List<String> args : COUNTED) {
            lines.add("    " + String.format(Locale.ROOT, "%-18s", String.join(" ", args)) + classCounts(args));
        }
        lines.add("    " + String.format(Locale.ROOT, "%-18s", "provision (no-op)")
                + classCounts(List.of("provision", "--primary", "us-east-1", "--dr", "us-west-2", sandbox, "-q")));
        return lines;
    }

    private Supplier<Double> dr(List<String> args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        return () -> processes.commandMillis(command, variables);
    }

    private String classCounts(List<String> args) {
        Path log = scratch.resolve("classes.log");
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        Map<String, String> withLog = new java.util.HashMap<>(variables);
        withLog.put("DR_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        processes.commandMillis(command, withLog);
        try {
            List<String> loaded = Files.readAllLines(log).stream().map(line -> line.split(" ")).filter(f -> f.length > 1)
                    .map(f -> f[1]).toList();
            return String.format(Locale.ROOT, "%6d / %5d / %3d / %3d", loaded.size(),
                    loaded.stream().filter(c -> c.startsWith("software.amazon.awssdk.")).count(),
                    loaded.stream().filter(c -> c.startsWith("com.fasterxml.jackson.dataformat.yaml.")).count(),
                    loaded.stream().filter(c -> c.startsWith("dr.cli.commands.")).count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
