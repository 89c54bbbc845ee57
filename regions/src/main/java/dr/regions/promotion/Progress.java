package dr.regions.promotion;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where one promotion task stands after a look at AWS: done (with a one-line summary and plain JSON outputs), or
 * waiting for AWS (with the state it reports and when to look again). Failures are thrown as {@code DrException}.
 */
public record Progress(boolean done, String status, Map<String, Object> outputs, Duration pollAfter) {

    public Progress {
        Objects.requireNonNull(status, "status");
        outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        pollAfter = pollAfter == null ? Duration.ZERO : pollAfter;
    }

    public static Progress done(String summary, Map<String, Object> outputs) {
        return new Progress(true, summary, outputs, Duration.ZERO);
    }

    public static Progress waiting(String status, Duration pollAfter) {
        return new Progress(false, status, Map.of(), pollAfter);
    }
}
