package dr.cli;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A build step of the release archive, not a test (cli pom: exec:java in prepare-package; src/assembly/dist.xml
 * packs the result). Writes what is generated from dr's own picocli model into the folder given as argument:
 * {@code adoc/}, one AsciiDoc man page per command and subcommand by picocli-codegen's {@link ManPageGenerator},
 * {@code man/man1/*.1}, those pages in roff by Asciidoctor's manpage converter, and {@code completion/dr.bash} and
 * {@code completion/dr.zsh}, exactly what {@code dr completion bash|zsh} prints.
 */
public final class DistributionFiles {
    private DistributionFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DistributionFiles OUTPUT_DIR");
        }
        Path output = Path.of(args[0]);
        List<Path> sources = writeManPageSources(output.resolve("adoc"));
        convertToRoff(sources, Files.createDirectories(output.resolve("man/man1")));
        Path completion = Files.createDirectories(output.resolve("completion"));
        Files.writeString(completion.resolve("dr.bash"), completionScript("bash"));
        Files.writeString(completion.resolve("dr.zsh"), completionScript("zsh"));
    }

    private static Main offline() {
        Path nowhere = Path.of("/nonexistent");
        return new Main(connection -> {
            throw new IllegalStateException("generating the distribution's files needs no cloud");
        }, new TestEnvironment(nowhere, nowhere));
    }

    private static List<Path> writeManPageSources(Path directory) throws IOException {
        Files.createDirectories(directory);
        CommandLine root = offline().commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        int exitCode = ManPageGenerator.generateManPage(directory.toFile(), null, new boolean[0], true,
                root.getCommandSpec());
        if (exitCode != 0) {
            throw new IllegalStateException("ManPageGenerator failed with exit code " + exitCode);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".adoc")).sorted().toList();
        }
    }

    private static void convertToRoff(List<Path> sources, Path directory) {
        Options options = Options.builder().backend("manpage").safe(SafeMode.UNSAFE).toDir(directory.toFile())
                .mkDirs(true).build();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            sources.forEach(source -> asciidoctor.convertFile(source.toFile(), options));
        }
    }

    private static String completionScript(String shell) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = offline().execute(new PrintWriter(out), new PrintWriter(err), "completion", shell);
        if (exitCode != 0) {
            throw new IllegalStateException("dr completion " + shell + " failed (" + exitCode + "): " + err);
        }
        return out.toString();
    }
}
