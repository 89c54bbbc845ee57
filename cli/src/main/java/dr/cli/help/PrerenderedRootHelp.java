package dr.cli.help;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code dr --help} without picocli's model: the root's usage as the build rendered it from that model
 * ({@link RootHelpRenderings}) for every width and both colour settings. Building the model and laying out the usage
 * were nearly all of the command's start-up time (BENCHMARKS.md, issue 20).
 *
 * <p>The width and the colour are what picocli would choose here, asked of picocli's own cheap pieces: a usage spec
 * with auto width (the terminal's width from {@code stty} on a terminal, else 80) and {@code Ansi.AUTO}. Whenever
 * the answer may differ from what the normal path prints, this gives nothing and the caller takes the normal path:
 * other arguments, a {@code picocli.*} system property (widths, colours and styles can be set that way), another
 * line separator, a width beyond those rendered, or no renderings on the class path (an IDE's build, or tests run
 * before the build step that writes them).
 */
public final class PrerenderedRootHelp {
    /** The resource listing the renderings, beside this class; its format is {@link RootHelpRenderings#write}'s. */
    static final String INDEX = "root-help.index";
    private static final List<String> STANDARD_HELP_OPTIONS = List.of("-h", "--help");
    /** Between the renderings in one file. */
    static final char SEPARATOR = '\0';

    private PrerenderedRootHelp() {
    }

    /**
     * The root help for {@code args}, exactly as the normal path would print it, or empty when that cannot be known
     * without picocli's model. {@code noColor}: whether the caller turns colour off (dr's {@code NO_COLOR}); asked
     * only when picocli would colour the help.
     */
    public static Optional<String> forArguments(String[] args, BooleanSupplier noColor) {
        // No lambda, stream or string concatenation (each an invokedynamic): linking the first costs more than the rest.
        // picocli's standard help options first, so that no other command reads the index (the model's own names
        // are in the index)
        if (args.length != 1 || !STANDARD_HELP_OPTIONS.contains(args[0]) || picocliPropertySet()) {
            return Optional.empty();
        }
        Optional<String[]> index = index();
        if (index.isEmpty() || !List.of(value(index.get(), "options").split(" ")).contains(args[0])) {
            return Optional.empty();
        }
        boolean colour = Ansi.AUTO.enabled() && !noColor.getAsBoolean();
        return rendering(index.get(), new UsageMessageSpec().autoWidth(true).width(), colour);
    }

    /**
     * The build's rendering at {@code width} columns, with or without colours; empty for a width beyond those
     * rendered, with another line separator than the build's, or without renderings on the class path.
     */
    public static Optional<String> rendering(int width, boolean colour) {
        Optional<String[]> index = index();
        return index.isEmpty() ? Optional.empty() : rendering(index.get(), width, colour);
    }

    private static Optional<String> rendering(String[] index, int width, boolean colour) {
        if (!value(index, "separator").equals(codes(System.lineSeparator()))) {
            return Optional.empty();
        }
        String[] place = place(index, colour, width);
        Optional<String> file = place == null ? Optional.empty() : resource(place[0]);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        String[] renderings = file.get().split(String.valueOf(SEPARATOR));
        int number = Integer.parseInt(place[1]);
        return number < renderings.length ? Optional.of(renderings[number]) : Optional.empty();
    }

    private static Optional<String[]> index() {
        Optional<String> index = resource(INDEX);
        return index.isPresent() ? Optional.of(index.get().split("\n")) : Optional.empty();
    }

    /** How the index names a colour setting. */
    static String colourName(boolean colour) {
        return colour ? "colour" : "plain";
    }

    static String fileName(int number) {
        return "root-help-" + number + ".txt";
    }

    private static boolean picocliPropertySet() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }

    /** What follows {@code key} and a space on the index line that starts so, or "" without such a line. */
    private static String value(String[] index, String key) {
        for (String line : index) {
            if (line.startsWith(key) && line.length() > key.length() && line.charAt(key.length()) == ' ') {
                return line.substring(key.length() + 1);
            }
        }
        return "";
    }

    /** The characters' codes, e.g. "10" for a line feed, "13 10" for CR LF: how the index names a line separator. */
    static String codes(String text) {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            codes.append(i == 0 ? "" : " ").append((int) text.charAt(i));
        }
        return codes.toString();
    }

    /** File and number of the rendering for {@code colour} at {@code width}: "render COLOUR FROM TO FILE NUMBER". */
    private static String[] place(String[] index, boolean colour, int width) {
        String wanted = colourName(colour);
        for (String line : index) {
            String[] words = line.split(" ");
            if (words.length == 6 && words[0].equals("render") && words[1].equals(wanted)
                    && Integer.parseInt(words[2]) <= width && width <= Integer.parseInt(words[3])) {
                return new String[] {words[4], words[5]};
            }
        }
        return null;
    }

    /**
     * A resource beside this class. From a jar, read with {@link ZipFile} (the jar the class loader has open, so its
     * directory is not read again): the class loader's way, a URL and a JarURLConnection, took several times longer
     * at start-up. From a folder of classes (tests, an IDE) or anything else, the class loader's way.
     */
    private static Optional<String> resource(String name) {
        try {
            CodeSource source = PrerenderedRootHelp.class.getProtectionDomain().getCodeSource();
            File root = source == null ? null : new File(source.getLocation().toURI());
            if (root != null && root.isFile()) {
                try (ZipFile jar = new ZipFile(root)) {
                    ZipEntry entry = jar.getEntry(PrerenderedRootHelp.class.getPackageName().replace('.', '/')
                            .concat("/").concat(name));
                    return entry == null ? Optional.empty() : Optional.of(text(jar.getInputStream(entry)));
                }
            }
            InputStream in = PrerenderedRootHelp.class.getResourceAsStream(name);
            return in == null ? Optional.empty() : Optional.of(text(in));
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
