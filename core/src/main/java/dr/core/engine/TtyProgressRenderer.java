package dr.core.engine;

import dr.core.clock.Clock;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Live progress for a terminal: finished steps scroll up as permanent lines, and below them a block listing every
 * running step with its status and elapsed time (e.g. {@code us-west-2 db-replica  creating  12m30s}) is redrawn in
 * place with ANSI cursor moves. It draws on events only (the executor sends a {@code tick} while it waits), and
 * redraws the live block at most every {@code minRedraw} of wall time: on a virtual clock a whole run takes
 * milliseconds and thousands of polls, and the terminal should not have to draw each one.
 */
public final class TtyProgressRenderer implements ProgressListener {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final Clock clock;
    private final boolean color;
    private final int width;
    private final LongSupplier wallNanos;
    private final long minRedrawNanos;
    private final Map<StepKey, Running> running = new LinkedHashMap<>();
    private int total;
    private int finished;
    private int liveLines;
    private long lastDrawNanos;
    private boolean drawn;

    private record Running(String status, Instant startedAt) {
        Running withStatus(String newStatus) {
            return new Running(newStatus, startedAt);
        }
    }

    public TtyProgressRenderer(PrintWriter out, Clock clock, boolean color) {
        this(out, clock, color, 120, System::nanoTime, Duration.ofMillis(100));
    }

    /** @param width terminal columns; live lines are cut to fit so that the cursor arithmetic stays right */
    public TtyProgressRenderer(PrintWriter out, Clock clock, boolean color, int width, LongSupplier wallNanos,
                               Duration minRedraw) {
        this.out = out;
        this.clock = clock;
        this.color = color;
        this.width = width;
        this.wallNanos = wallNanos;
        this.minRedrawNanos = minRedraw.toNanos();
    }

    @Override
    public void planStarted(Plan plan) {
        total = plan.size();
        redraw(true);
    }

    @Override
    public void stepStarted(StepKey key) {
        running.put(key, new Running("starting", clock.now()));
        redraw(false);
    }

    @Override
    public void stepStatus(StepKey key, String status, Duration elapsed) {
        running.computeIfPresent(key, (k, step) -> step.withStatus(status));
        redraw(false);
    }

    @Override
    public void stepRetry(StepKey key, String reason, Duration delay) {
        running.computeIfPresent(key, (k, step) -> step.withStatus(
                "retrying in " + DurationFormat.compact(delay) + " (" + reason + ")"));
        redraw(false);
    }

    @Override
    public void stepDone(StepOutcome outcome) {
        String id = outcome.resourceId() == null ? "" : " " + outcome.resourceId();
        permanent(paint(GREEN, "✓") + " " + name(outcome.key()) + "  " + outcome.action().label() + id + "  "
                + paint(DIM, DurationFormat.compact(outcome.elapsed())), outcome.key());
    }

    @Override
    public void stepFailed(StepOutcome outcome) {
        permanent(paint(RED, "✗ " + name(outcome.key()) + "  failed: " + outcome.message()), outcome.key());
    }

    @Override
    public void stepSkipped(StepOutcome outcome) {
        permanent(paint(YELLOW, "- " + name(outcome.key()) + "  skipped: " + outcome.message()), outcome.key());
    }

    @Override
    public void tick() {
        redraw(false);
    }

    @Override
    public void planFinished(ExecutionResult result) {
        clearLive();
        String summary = "Finished in " + DurationFormat.compact(result.duration()) + ": " + ProgressSummary.of(result);
        out.println(paint(result.succeeded() ? GREEN : RED, summary));
        out.flush();
    }

    private void permanent(String line, StepKey key) {
        running.remove(key);
        finished++;
        clearLive();
        out.println(line);
        drawLive();
    }

    private void redraw(boolean force) {
        long now = wallNanos.getAsLong();
        if (!force && drawn && now - lastDrawNanos < minRedrawNanos) {
            return;
        }
        clearLive();
        drawLive();
    }

    private void drawLive() {
        Instant now = clock.now();
        // A runbook's steps arrive without a plan (total 0): then there is no total to show.
        String done = total == 0 ? String.valueOf(finished) : finished + "/" + total;
        live(paint(DIM, done + " steps finished, " + running.size() + " running"));
        running.forEach((key, step) -> live("  " + name(key) + "  " + step.status() + "  "
                + DurationFormat.compact(Duration.between(step.startedAt(), now))));
        out.flush();
        lastDrawNanos = wallNanos.getAsLong();
        drawn = true;
    }

    private void live(String line) {
        out.println(fit(line));
        liveLines++;
    }

    private void clearLive() {
        if (liveLines > 0) {
            out.print("\r\u001b[" + liveLines + "A\u001b[J");
            liveLines = 0;
        }
    }

    /** Cuts a long line to the terminal width, dropping its colour: a wrapped line would break the cursor arithmetic. */
    private String fit(String line) {
        String plain = line.replaceAll("\u001b\\[[0-9;]*m", "");
        if (plain.length() < width) {
            return line;
        }
        return plain.substring(0, Math.max(0, width - 2)) + "…";
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String name(StepKey key) {
        return key.region() + " " + key.role();
    }
}
