package dr.cli.runtime;

import dr.core.clock.Clock;
import dr.core.config.StackTarget;
import dr.core.engine.LineProgressWriter;
import dr.core.engine.ProgressListener;
import dr.core.engine.TtyProgressRenderer;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything a command needs, built from validated input: the stack, where AWS calls go, output settings and
 * writers. The cloud session opens on first use of {@link #clients()} or {@link #clock()}, so a command that
 * fails early or only prints never creates a client.
 */
public final class CommandContext implements AutoCloseable {
    private final StackTarget target;
    private final Connection connection;
    private final OutputSettings output;
    private final boolean assumeYes;
    private final boolean dryRun;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<CloudSession> opener;
    private final Supplier<CloudSession> lookOpener;
    private CloudSession session;
    private JsonNode heldResult;

    /**
     * {@code opener} opens the command's session (with the stack lock when the command takes it); {@code lookOpener} a
     * read-only one without the lock, for {@link #beforeLock}.
     */
    public CommandContext(StackTarget target, Connection connection, OutputSettings output, boolean assumeYes,
            boolean dryRun, PrintWriter out, PrintWriter err, Supplier<CloudSession> opener,
            Supplier<CloudSession> lookOpener) {
        this.target = target;
        this.connection = connection;
        this.output = output;
        this.assumeYes = assumeYes;
        this.dryRun = dryRun;
        this.out = out;
        this.err = err;
        this.opener = opener;
        this.lookOpener = lookOpener;
    }

    /** The validated stack; absent only for commands that do not work on a stack (completion). */
    public Optional<StackTarget> target() {
        return Optional.ofNullable(target);
    }

    /** The full spec; for commands whose regions are required or were given. */
    public StackSpec spec() {
        return target().orElseThrow(() -> new IllegalStateException("this command has no stack")).spec();
    }

    public Connection connection() {
        return connection;
    }

    public OutputSettings output() {
        return output;
    }

    /** {@code --yes}: no confirmation prompts. */
    public boolean assumeYes() {
        return assumeYes;
    }

    /** {@code --dry-run}: show what would be done, call nothing. */
    public boolean dryRun() {
        return dryRun;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public AwsClients clients() {
        return session().clients();
    }

    public Clock clock() {
        return session().clock();
    }

    /**
     * Live progress on stderr: redrawn on a terminal, one line per event otherwise, none with {@code --output json}
     * or {@code --quiet}. Here rather than in the printer so that the runtime never depends on the output package.
     */
    public ProgressListener progress() {
        if (output.json() || output.verbosity() == OutputSettings.Verbosity.QUIET) {
            return ProgressListener.NONE;
        }
        if (System.console() != null) {
            return new TtyProgressRenderer(err(), clock(), output.color());
        }
        return new LineProgressWriter(err(), clock());
    }

    /**
     * Reads made before the command's session (and its stack lock) opens, in a read-only session of their own closed
     * at once: for a question asked before anything is written, e.g. provision's "apply these changes?", which a
     * declined answer must leave without a single write, the lock's included. What it reads may change before the
     * lock is taken: the command reads again under the lock and compares.
     */
    public <T> T beforeLock(Function<CloudSession, T> look) {
        try (CloudSession lookSession = lookOpener.get()) {
            return look.apply(lookSession);
        }
    }

    /** How users reach the stack through this command's cloud: the network on AWS, the modeled edge in the sandbox. */
    public DataPlane dataPlane() {
        return session().dataPlane();
    }

    /** The command's JSON result, printed only once the command has finished (see {@code Printer.json}). */
    public synchronized void holdResult(JsonNode document) {
        if (heldResult != null) {
            throw new IllegalStateException("a command has one result document");
        }
        heldResult = document;
    }

    /** The held result, handed over once: to be printed, or folded into an error. */
    public synchronized Optional<JsonNode> takeResult() {
        Optional<JsonNode> result = Optional.ofNullable(heldResult);
        heldResult = null;
        return result;
    }

    private synchronized CloudSession session() {
        if (session == null) {
            session = opener.get();
        }
        return session;
    }

    @Override
    public synchronized void close() {
        out.flush();
        err.flush();
        if (session != null) {
            session.close();
        }
    }
}
