package dr.regions.inmemory.world;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource's lifecycle on the modeled clock: a list of states, each entered at a point in time. The state
 * "now" is the last one entered, so a resource moves {@code pending → available} by itself as the clock
 * advances, with no background threads. Jackson-serializable for the sandbox file.
 */
public final class Timeline {
    public record Stage(String state, Instant at) {
    }

    public List<Stage> stages = new ArrayList<>();

    public Timeline() {
    }

    /** Starts in {@code state} at {@code start}. */
    public static Timeline startingAt(Instant start, String state) {
        Timeline timeline = new Timeline();
        timeline.stages.add(new Stage(state, start));
        return timeline;
    }

    /** Adds the next state, entered {@code after} the previous stage's start. */
    public Timeline then(String state, Duration after) {
        Instant previous = stages.get(stages.size() - 1).at();
        stages.add(new Stage(state, previous.plus(after)));
        return this;
    }

    /** Replaces everything from {@code now} on: the resource enters {@code state} now. */
    public Timeline restart(Instant now, String state) {
        stages.removeIf(stage -> stage.at().isAfter(now));
        stages.add(new Stage(state, now));
        return this;
    }

    public String stateAt(Instant now) {
        String current = stages.get(0).state();
        for (Stage stage : stages) {
            if (!stage.at().isAfter(now)) {
                current = stage.state();
            }
        }
        return current;
    }

    /** When the resource entered (or will enter) {@code state}, if the timeline has it. */
    public Instant enteredAt(String state) {
        Instant found = null;
        for (Stage stage : stages) {
            if (stage.state().equals(state)) {
                found = stage.at();
            }
        }
        return found;
    }

    public boolean reached(String state, Instant now) {
        Instant at = enteredAt(state);
        return at != null && !at.isAfter(now);
    }
}
