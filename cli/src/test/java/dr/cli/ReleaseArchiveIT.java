package dr.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release archive as an operator installs it (issue 20): unpacked into a temporary folder outside the checkout,
 * run through {@code bin/dr} from another working directory, with a PATH of only the Java runtime's bin and the
 * system's, a fresh HOME, and no variable naming the checkout. Runs after {@code package} (cli pom, surefire
 * execution {@code release-archive} in the integration-test phase), on the archive that build made.
 */
class ReleaseArchiveIT {
    private static final String VERSION = System.getProperty("dr.expectedVersion");
    /** picocli's jar carries no META-INF/maven metadata (it is built with Gradle); its main class shows it is there. */
    private static final String PICOCLI_CLASS = "picocli/CommandLine.class";

    @TempDir
    static Path temp;
    static Path install;
    static Path home;
    static Path work;
    static List<String> installedFiles;

    record Run(int exitCode, String output) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        // Only the integration-test execution names the archive; a -Dtest=... run in the test phase skips.
        assumeTrue(System.getProperty("dr.archive") != null, "runs after package, in the integration-test phase");
        Path archive = Path.of(System.getProperty("dr.archive"));
        Path checkout = Path.of(System.getProperty("dr.checkout")).toRealPath();
        assertThat(archive).as("built by mvn package").isRegularFile();
        assertThat(temp.toRealPath().startsWith(checkout)).as("the install is outside the checkout").isFalse();

        // Spaces in every path the launcher handles: the install, the user's home and cache.
        Path unpacked = Files.createDirectories(temp.resolve("opt dir"));
        Run tar = run(unpacked, Map.of(), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertThat(tar.exitCode()).as(tar.output()).isZero();
        install = unpacked.resolve("dr-" + VERSION);
        home = Files.createDirectories(temp.resolve("home dir"));
        work = Files.createDirectories(temp.resolve("elsewhere"));
        installedFiles = filesUnder(install);
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }

    /** Runs a command in {@code directory} with an environment that knows nothing of the checkout. */
    private static Run run(Path directory, Map<String, String> extra, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        environment.put("HOME", home == null ? directory.toString() : home.toString());
        environment.put("LANG", "C.UTF-8");
        environment.putAll(extra);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished: " + String.join(" ", command)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Run dr(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(install.resolve("bin/dr").toString()));
        command.addAll(List.of(args));
        return run(work, Map.of(), command.toArray(String[]::new));
    }

    @Test
    void versionNamesTheBuildAndTheStartUpCacheGoesToTheUsersCache() throws Exception {
        Run version = dr("--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("dr " + VERSION + "\n", "AWS SDK for Java 2.", "Java ");
        assertThat(version.output()).containsPattern("commit ([0-9a-f]{12}|unknown)\n");
        try (Stream<Path> cache = Files.walk(home.resolve(".cache/dr"))) {
            assertThat(cache.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList())
                    .as("the class-data-sharing archive, made at first run in ~/.cache/dr").hasSize(1);
        }
        assertThat(filesUnder(install)).as("nothing written into the install").isEqualTo(installedFiles);
    }

    /**
     * Through a symbolic link, as when bin/dr is linked into a folder on the PATH: {@code --help} is printed from the
     * renderings the build made, the same as picocli's normal path prints (which a picocli system property selects),
     * with the start-up cache, mapped where it was made to go (relocating it cost about 45 ms a run).
     */
    @Test
    void helpThroughASymbolicLinkIsWhatTheNormalPathPrints() throws Exception {
        dr("--version"); // makes the start-up cache, if no test did yet
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("on the path")).resolve("dr"),
                install.resolve("bin/dr"));

        Run fast = run(work, Map.of(), link.toString(), "--help");
        Run normal = run(work, Map.of("DR_JAVA_OPTS", "-Dpicocli.trace=OFF"), link.toString(), "--help");

        assertThat(fast.exitCode()).as(fast.output()).isZero();
        assertThat(fast.output()).startsWith("Usage: dr").contains("Exit codes:");
        assertThat(fast).isEqualTo(normal);
        Run cds = run(work, Map.of("DR_JAVA_OPTS", "-Xlog:cds"), link.toString(), "--help");
        assertThat(cds.output()).contains("Mapped static").doesNotContain("at an alternative address");
        try (Stream<Path> cache = Files.walk(home.resolve(".cache/dr"))) {
            assertThat(cache.filter(f -> f.getFileName().toString().endsWith(".jsa.opts")).toList()).singleElement()
                    .satisfies(opts -> assertThat(Files.readString(opts)).contains("-XX:ArchiveRelocationMode=0"));
        }
    }

    @Test
    void provisionsTheSandboxFromAnotherDirectory() throws Exception {
        Path sandbox = temp.resolve("state/sandbox.json");

        Run provision = dr("provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox=" + sandbox, "--no-color");

        assertThat(provision.exitCode()).as(provision.output()).isZero();
        assertThat(sandbox).isRegularFile();
        assertThat(filesUnder(work)).as("nothing left in the working directory").isEmpty();
        assertThat(filesUnder(install)).as("nothing written into the install").isEqualTo(installedFiles);
    }

    @Test
    void runsWhenTheCacheCannotBeWritten() throws Exception {
        // A cache folder under a regular file cannot be created, even by root (chmod would not stop root).
        Path notAFolder = Files.writeString(temp.resolve("not-a-folder"), "");
        List<String> command = List.of(install.resolve("bin/dr").toString(), "--version");

        Run version = run(work, Map.of("XDG_CACHE_HOME", notAFolder.resolve("cache").toString()),
                command.toArray(String[]::new));

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).startsWith("dr " + VERSION + "\n");
        assertThat(filesUnder(install)).as("nothing written into the install").isEqualTo(installedFiles);
    }

    @Test
    void hasAManPageForEveryCommandAndSubcommand() {
        List<String> expected = new ArrayList<>();
        collectPageNames(modelRoot(), expected);

        assertThat(installedFiles).contains("bin/dr", "bin/dr.cmd", "lib/dr.jar", "README.md", "LICENSE",
                "completion/dr.bash", "completion/dr.zsh");
        assertThat(installedFiles.stream().filter(f -> f.startsWith("man/man1/")).toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(name -> "man/man1/" + name).toList());
        assertThat(install.resolve("bin/dr")).isExecutable();
    }

    /** The LICENSE's third-party table and the libraries lib/dr.jar bundles name the same groups, both ways. */
    @Test
    void licenseNamesEveryLibraryTheJarBundles() throws IOException {
        String license = Files.readString(install.resolve("LICENSE"));
        List<String> bundledGroups = new ArrayList<>();
        try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(install.resolve("lib/dr.jar")))) {
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                if (entry.getName().equals(PICOCLI_CLASS)) {
                    bundledGroups.add("info.picocli");
                }
                String[] parts = entry.getName().split("/");
                // META-INF/maven/<group>/<artifact>/pom.properties: one per library the shade plugin bundled
                if (parts.length == 5 && parts[0].equals("META-INF") && parts[1].equals("maven")
                        && parts[4].equals("pom.properties") && !parts[2].equals("dr")) {
                    bundledGroups.add(parts[2]);
                }
            }
        }

        assertThat(bundledGroups).as("libraries found in lib/dr.jar").isNotEmpty();
        assertThat(bundledGroups.stream().distinct().filter(group -> !license.contains("| " + group + " ")).toList())
                .as("bundled library groups the LICENSE's third-party table does not name").isEmpty();
        List<String> namedGroups = license.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| group "))
                .map(line -> line.substring(2, line.indexOf('|', 2)).strip()).toList();
        assertThat(namedGroups).as("the LICENSE's third-party table").isNotEmpty();
        assertThat(namedGroups.stream().filter(group -> !bundledGroups.contains(group)).toList())
                .as("groups the LICENSE's third-party table names that lib/dr.jar does not bundle").isEmpty();
    }

    private static CommandLine modelRoot() {
        Path nowhere = Path.of("/nonexistent");
        return new Main(connection -> {
            throw new AssertionError("no session");
        }, new TestEnvironment(nowhere, nowhere)).commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    private static void collectPageNames(CommandLine command, List<String> into) {
        into.add(command.getCommandSpec().qualifiedName("-") + ".1");
        command.getSubcommands().values().forEach(sub -> collectPageNames(sub, into));
    }

    @Test
    void manReadsAGeneratedPage() throws Exception {
        boolean hasMan = run(work, Map.of(), "sh", "-c", "command -v man").exitCode() == 0;
        if (!hasMan) {
            System.out.println("ReleaseArchiveIT: man page check skipped: no 'man' command on this machine");
        }
        assumeTrue(hasMan, "no 'man' command on this machine");

        Run man = run(work, Map.of("MANPAGER", "cat", "PAGER", "cat", "MANWIDTH", "100"),
                "man", "-l", install.resolve("man/man1/dr-provision.1").toString());

        assertThat(man.exitCode()).as(man.output()).isZero();
        assertThat(man.output()).contains("dr-provision", "--primary", "--sandbox");
    }

    @Test
    void bashLoadsTheShippedCompletion() throws Exception {
        Run bash = run(work, Map.of(), "bash", "--norc", "--noprofile", "-c",
                "source '" + install.resolve("completion/dr.bash") + "' && complete -p dr");

        assertThat(bash.exitCode()).as(bash.output()).isZero();
        assertThat(bash.output()).contains("dr");
    }

    @Test
    void zipHoldsTheSameFilesAsTheTarball() throws Exception {
        Path zip = Path.of(System.getProperty("dr.archive").replaceFirst("\\.tar\\.gz$", ".zip"));
        TreeSet<String> entries = new TreeSet<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.add(entry.getName().substring(("dr-" + VERSION + "/").length()));
                }
            }
        }

        assertThat(entries).containsExactlyElementsOf(new TreeSet<>(installedFiles));
    }
}
