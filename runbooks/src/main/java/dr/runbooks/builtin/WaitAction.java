package dr.runbooks.builtin;

import dr.core.engine.StepResult;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.Durations;
import dr.runbooks.step.RunbookAction;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Waits a fixed time, e.g. for DNS caches to expire. It does not block: it reports "waiting" with the time left as
 * its poll delay, so the engine waits on the clock (instantly on a virtual one) and calls it back at the deadline.
 */
final class WaitAction implements RunbookAction {
    private final Duration duration;
    private final String reason;
    private Instant until;

    WaitAction(Duration duration, String reason) {
        this.duration = duration;
        this.reason = reason;
    }

    @Override
    public StepResult execute(ActionContext context) {
        Instant now = context.clock().now();
        if (until == null) {
            until = now.plus(duration);
        }
        if (!now.isBefore(until)) {
            return StepResult.ran("waited " + Durations.format(duration) + suffix(),
                    Map.of("waited", Durations.format(duration)));
        }
        Duration left = Duration.between(now, until);
        return StepResult.waiting(Durations.format(left) + " left" + suffix(), left);
    }

    private String suffix() {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }
}
