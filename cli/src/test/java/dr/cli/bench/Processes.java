package dr.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time of short-lived JVM processes, started the way the {@code ./dr} launcher starts dr. */
final class Processes {
    /** The launcher's JVM flags (see {@code ./dr}): every measured JVM gets the same, the bare one included. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Path scratch;

    Processes(Path scratch) {
        this.scratch = scratch;
    }

    /** {@code java <launcher flags> <args>}: the wall time in milliseconds; fails on a non-zero exit. */
    double runMillis(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(args);
        return commandMillis(command, Map.of());
    }

    /**
     * Any command (e.g. an installed {@code bin/dr}), with {@code java} of this JVM first on the PATH and the given
     * variables: the wall time in milliseconds; fails on a non-zero exit.
     */
    double commandMillis(List<String> command, Map<String, String> variables) {
        Path stderr = scratch.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(scratch.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().remove("AWS_ENDPOINT_URL");
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", java.getParent() + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(variables);
        try {
            long start = System.nanoTime();
            Process process = builder.start();
            int code = process.waitFor();
            double millis = (System.nanoTime() - start) / 1e6;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": "
                        + Files.readString(stderr));
            }
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Medians of each command's wall time over {@code runs} runs, after one discarded warm-up run each. The
     * commands take turns, so a noisy moment on the machine does not land on one side only.
     */
    double[] medians(int runs, List<List<String>> commands) {
        return mediansOf(runs, commands.stream().<Supplier<Double>>map(c -> () -> runMillis(c)).toList());
    }

    /** As {@link #medians(int, List)}, for any way of running a command that returns its wall time. */
    static double[] mediansOf(int runs, Collection<Supplier<Double>> commands) {
        List<Supplier<Double>> all = List.copyOf(commands);
        all.forEach(Supplier::get);
        double[][] samples = new double[all.size()][runs];
        for (int run = 0; run < runs; run++) {
            for (int c = 0; c < all.size(); c++) {
                samples[c][run] = all.get(c).get();
            }
        }
        return Arrays.stream(samples).mapToDouble(Processes::median).toArray();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
