package dr.core.engine;

/** What a step did (or, in a plan, would do) to its resource. */
public enum Action {
    /** Not decided yet: a dry run makes no AWS call, so it cannot know what exists. */
    ENSURE,
    CREATE,
    /** Found and as specified: nothing changed. */
    KEEP,
    /** Found but drifted in a way dr manages; repaired. */
    UPDATE,
    DELETE,
    /** Not run: a dependency failed, or the spec leaves it out (e.g. no domain). */
    SKIP,
    /** A runbook step that ran to the end: it acts on no single resource, so none of the above fits. */
    RUN;

    public String label() {
        return switch (this) {
            case ENSURE -> "ensure";
            case CREATE -> "create";
            case KEEP -> "unchanged";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case SKIP -> "skip";
            case RUN -> "done";
        };
    }
}
