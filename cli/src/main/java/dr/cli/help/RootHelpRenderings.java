package dr.cli.help;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The root's help rendered by picocli from the real model, as {@code --help} prints it, for every width picocli can
 * choose and both colour settings; {@link #write} saves them, deduplicated, for {@link PrerenderedRootHelp} (the cli
 * module's build runs {@code dr.cli.RootHelpFiles} before the tests, so tests, jar and start-up cache all have them).
 */
public final class RootHelpRenderings {
    /** picocli's minimum usage width ({@code UsageMessageSpec.MINIMUM_USAGE_WIDTH}, not public). */
    public static final int NARROWEST = 55;
    /** Wider terminals are unusual: they take the normal path. Up to here a rendering serves every wider width. */
    public static final int WIDEST = 1000;
    /** Consecutive widths rendered the same as {@link #WIDEST} after which the rendering is taken as final. */
    private static final int UNCHANGED_RUN = 40;
    /** Characters of renderings in one file: within the 32 KB window of the jar's (deflate) compression. */
    private static final int FILE_CHARS = 30_000;

    private final CommandLine root;
    private final String helpOption;

    /** {@code root}: the model the normal path builds for {@code --help}; its output and colours are set here. */
    public RootHelpRenderings(CommandLine root) {
        List<String> picocliProperties = System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("picocli.")).toList();
        if (!picocliProperties.isEmpty()) {
            throw new IllegalStateException("rendering dr's help with picocli system properties set would bake them "
                    + "into every run: unset " + picocliProperties);
        }
        if (!root.getCommandSpec().usageMessage().autoWidth()) {
            throw new IllegalStateException("dr's root command no longer has usageHelpAutoWidth = true: "
                    + "dr.cli.help.PrerenderedRootHelp chooses the width as picocli's auto width does");
        }
        this.root = root;
        this.helpOption = String.join(" ", helpOptionNames());
    }

    private List<String> helpOptionNames() {
        return root.getCommandSpec().options().stream().filter(OptionSpec::usageHelp).findFirst()
                .map(option -> List.of(option.names()))
                .orElseThrow(() -> new IllegalStateException("dr's root command has no help option"));
    }

    /** What {@code dr --help} prints at {@code width} columns, with or without ANSI colours; checks it exits 0. */
    public String render(int width, boolean colour) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        root.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(width);
        root.setColorScheme(Help.defaultColorScheme(colour ? Ansi.ON : Ansi.OFF));
        int exitCode = root.execute(helpOption.split(" ")[0]);
        if (exitCode != 0 || !err.toString().isEmpty()) {
            throw new IllegalStateException("dr --help exited " + exitCode + ": " + err);
        }
        return out.toString();
    }

    /**
     * Writes the renderings into {@code classes} (a class-path root), beside {@link PrerenderedRootHelp}: the distinct
     * renderings, a few to a file (separated by {@link #SEPARATOR}), and the index naming the file and place of the
     * rendering for each colour setting and range of widths. A file holds neighbouring widths' renderings, which are
     * much alike, within the 32 KB that the jar's compression looks back: the jar takes a tenth of their size.
     */
    public void write(Path classes) throws IOException {
        Path folder = Files.createDirectories(classes.resolve(PrerenderedRootHelp.class.getPackageName().replace('.', '/')));
        try (Stream<Path> old = Files.list(folder)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("root-help")).toList()) {
                Files.delete(file);
            }
        }
        Map<String, String> places = new LinkedHashMap<>();
        List<StringBuilder> files = new ArrayList<>();
        List<String> index = new ArrayList<>(List.of(
                "# dr's root help, rendered from the picocli model at build time by " + getClass().getName(),
                "# (read by " + PrerenderedRootHelp.class.getName() + "); render COLOUR FROM-WIDTH TO-WIDTH FILE NUMBER",
                "options " + helpOption,
                "separator " + PrerenderedRootHelp.codes(System.lineSeparator())));
        for (boolean colour : new boolean[] {false, true}) {
            List<String> byWidth = renderingsByWidth(colour);
            int from = NARROWEST;
            for (int width = NARROWEST; width <= WIDEST; width++) {
                String rendering = byWidth.get(Math.min(width, byWidth.size() + NARROWEST - 1) - NARROWEST);
                String next = width == WIDEST ? null
                        : byWidth.get(Math.min(width + 1, byWidth.size() + NARROWEST - 1) - NARROWEST);
                if (!rendering.equals(next)) {
                    String place = places.computeIfAbsent(rendering, r -> place(r, files));
                    index.add(String.join(" ", "render", PrerenderedRootHelp.colourName(colour), Integer.toString(from),
                            Integer.toString(width), place));
                    from = width + 1;
                }
            }
        }
        for (int i = 0; i < files.size(); i++) {
            Files.writeString(folder.resolve(PrerenderedRootHelp.fileName(i)), files.get(i), StandardCharsets.UTF_8);
        }
        Files.write(folder.resolve(PrerenderedRootHelp.INDEX), index, StandardCharsets.UTF_8);
    }

    /** Appends {@code rendering} to the last file, or a new one when it would not fit; "FILE NUMBER" of its place. */
    private static String place(String rendering, List<StringBuilder> files) {
        if (rendering.indexOf(PrerenderedRootHelp.SEPARATOR) >= 0) {
            throw new IllegalStateException("dr --help contains the renderings' separator character");
        }
        StringBuilder last = files.isEmpty() ? null : files.get(files.size() - 1);
        if (last == null || last.length() + rendering.length() + 1 > FILE_CHARS) {
            last = new StringBuilder();
            files.add(last);
        }
        int number = last.isEmpty() ? 0 : (int) last.chars().filter(c -> c == PrerenderedRootHelp.SEPARATOR).count() + 1;
        last.append(last.isEmpty() ? "" : String.valueOf(PrerenderedRootHelp.SEPARATOR)).append(rendering);
        return PrerenderedRootHelp.fileName(files.size() - 1) + " " + number;
    }

    /**
     * The renderings from {@link #NARROWEST} up to the width from which nothing changes any more (the last one
     * serves every wider width up to {@link #WIDEST}): picocli wraps a line only where it is longer than its
     * column, so once every line fits, a wider terminal prints the same. Checked here over {@link #UNCHANGED_RUN}
     * widths and at {@link #WIDEST}.
     */
    private List<String> renderingsByWidth(boolean colour) {
        String widest = render(WIDEST, colour);
        List<String> renderings = new ArrayList<>();
        int unchanged = 0;
        for (int width = NARROWEST; unchanged < UNCHANGED_RUN; width++) {
            if (width > WIDEST) {
                throw new IllegalStateException("dr --help still changes at " + WIDEST + " columns");
            }
            String rendering = render(width, colour);
            renderings.add(rendering);
            unchanged = rendering.equals(widest) ? unchanged + 1 : 0;
        }
        return renderings.subList(0, renderings.size() - UNCHANGED_RUN + 1);
    }
}
