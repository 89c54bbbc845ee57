package dr.core.engine;

import dr.core.clock.Clock;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Progress as one plain line per event, for logs and pipes (not a terminal), e.g.
 * {@code 12:00:05 us-west-2 db-replica  creating  12m30s}. Times come from the clock, so a sandbox run shows
 * modeled time. A waiting step is printed when its status changes and then again at most every
 * {@code repeatEvery}, so a 20-minute wait is a handful of lines, not one per poll.
 */
public final class LineProgressWriter implements ProgressListener {
    public static final Duration DEFAULT_REPEAT = Duration.ofMinutes(1);

    private final PrintWriter out;
    private final Clock clock;
    private final DateTimeFormatter timeFormat;
    private final Duration repeatEvery;
    private final Map<StepKey, LastLine> lastLines = new ConcurrentHashMap<>();

    private record LastLine(String status, Instant at) {
    }

    public LineProgressWriter(PrintWriter out, Clock clock) {
        this(out, clock, ZoneId.systemDefault(), DEFAULT_REPEAT);
    }

    public LineProgressWriter(PrintWriter out, Clock clock, ZoneId zone, Duration repeatEvery) {
        this.out = out;
        this.clock = clock;
        this.timeFormat = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.repeatEvery = repeatEvery;
    }

    @Override
    public void stepStarted(StepKey key) {
        line(key, "started");
    }

    @Override
    public void stepStatus(StepKey key, String status, Duration elapsed) {
        Instant now = clock.now();
        LastLine last = lastLines.get(key);
        boolean changed = last == null || !last.status().equals(status);
        if (changed || !now.isBefore(last.at().plus(repeatEvery))) {
            lastLines.put(key, new LastLine(status, now));
            line(key, status + "  " + DurationFormat.compact(elapsed));
        }
    }

    @Override
    public void stepRetry(StepKey key, String reason, Duration delay) {
        line(key, "retry in " + DurationFormat.compact(delay) + "  " + reason);
    }

    @Override
    public void stepDone(StepOutcome outcome) {
        String id = outcome.resourceId() == null ? "" : "  " + outcome.resourceId();
        line(outcome.key(), outcome.action().label() + id + "  " + DurationFormat.compact(outcome.elapsed()));
    }

    @Override
    public void stepFailed(StepOutcome outcome) {
        line(outcome.key(), "FAILED  " + outcome.message());
    }

    @Override
    public void stepSkipped(StepOutcome outcome) {
        line(outcome.key(), "skipped  " + outcome.message());
    }

    @Override
    public void planFinished(ExecutionResult result) {
        out.println(time() + " finished in " + DurationFormat.compact(result.duration()) + ": "
                + ProgressSummary.of(result));
        out.flush();
    }

    private void line(StepKey key, String text) {
        out.println(time() + " " + key.region() + " " + key.role() + "  " + text);
        out.flush();
    }

    private String time() {
        return timeFormat.format(clock.now());
    }
}
