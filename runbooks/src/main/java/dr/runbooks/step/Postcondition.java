package dr.runbooks.step;

import java.util.Optional;

/**
 * What must be true in the cloud once a step of some type has finished, checked by looking only (no change): the
 * journal says what was done, the cloud says what is true. When a run is resumed, the runner checks it for each step
 * the journal calls finished, in the step's turn, and runs the step again when it does not hold (or cannot be
 * checked), rather than trusting the journal: the change may never have reached the cloud (a sandbox that lost it,
 * a request AWS dropped), or someone may have undone it since.
 */
@FunctionalInterface
public interface Postcondition {
    /** Empty when it holds; otherwise what does not hold, in one line. May throw when the cloud cannot be read. */
    Optional<String> unmet(ActionContext context);

    /** A postcondition that always holds: the step changes nothing the cloud could lose (a look, a question). */
    Postcondition NONE = context -> Optional.empty();

    /**
     * For a step that looks before it acts and whose result has no cheap check: a resumed run runs it again (changing
     * nothing when all is in line) rather than believe the journal.
     */
    Postcondition RUN_AGAIN = context -> Optional.of("it looks before it acts: a resumed run runs it again, in case "
            + "the cloud lost or undid what it did");

    /**
     * For a step whose work describes the run as it ended, such as its report: a resumed run has not ended where the
     * earlier attempt made it, so the step always runs again.
     */
    static Postcondition madeAfresh(String why) {
        return context -> Optional.of(why);
    }
}
