package dr.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records progress events as short strings, to assert on order and content. */
final class RecordingListener implements ProgressListener {
    final List<String> events = new ArrayList<>();
    final List<Duration> retryDelays = new ArrayList<>();
    ExecutionResult finished;

    @Override
    public void stepStarted(StepKey key) {
        events.add("started " + key);
    }

    @Override
    public void stepStatus(StepKey key, String status, Duration elapsed) {
        events.add("status " + key + " " + status + " " + elapsed);
    }

    @Override
    public void stepRetry(StepKey key, String reason, Duration delay) {
        events.add("retry " + key + " " + reason + " " + delay);
        retryDelays.add(delay);
    }

    @Override
    public void stepDone(StepOutcome outcome) {
        events.add("done " + outcome.key() + " " + outcome.action());
    }

    @Override
    public void stepFailed(StepOutcome outcome) {
        events.add("failed " + outcome.key() + " " + outcome.message());
    }

    @Override
    public void stepSkipped(StepOutcome outcome) {
        events.add("skipped " + outcome.key() + " " + outcome.message());
    }

    @Override
    public void planFinished(ExecutionResult result) {
        finished = result;
        events.add("finished");
    }

    List<String> without(String prefix) {
        return events.stream().filter(event -> !event.startsWith(prefix)).toList();
    }
}
