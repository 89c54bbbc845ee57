package dr.runbooks;

import dr.core.clock.Clock;
import dr.core.engine.ErrorClassifier;
import dr.core.engine.ExecutorSettings;
import dr.core.engine.Journal;
import dr.core.engine.ProgressListener;
import dr.runbooks.step.Terminal;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a runbook run takes from its caller: the clock, the journal file of this run, whether {@code --yes} was
 * given, where to write for the operator, the terminal for questions, how the engine retries and reports progress,
 * and the attributes actions share (the caller puts e.g. AWS clients and the stack spec there; actions add their own).
 * Attributes are thread-safe: the shutdown hook may run the always-steps on another thread.
 */
public final class RunbookContext {
    private final Clock clock;
    private final Journal journal;
    private final boolean yes;
    private final PrintWriter out;
    private final Terminal terminal;
    private final ErrorClassifier errorClassifier;
    private final ProgressListener progress;
    private final ExecutorSettings executorSettings;
    private final Map<String, Object> attributes;

    private RunbookContext(Builder builder) {
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.journal = Objects.requireNonNull(builder.journal, "journal");
        this.yes = builder.yes;
        this.out = builder.out;
        this.terminal = builder.terminal;
        this.errorClassifier = builder.errorClassifier;
        this.progress = builder.progress;
        this.executorSettings = builder.executorSettings;
        this.attributes = new ConcurrentHashMap<>(builder.attributes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Clock clock() {
        return clock;
    }

    public Journal journal() {
        return journal;
    }

    public boolean yes() {
        return yes;
    }

    public PrintWriter out() {
        return out;
    }

    public Terminal terminal() {
        return terminal;
    }

    public ErrorClassifier errorClassifier() {
        return errorClassifier;
    }

    public ProgressListener progress() {
        return progress;
    }

    public ExecutorSettings executorSettings() {
        return executorSettings;
    }

    public <T> Optional<T> attribute(String name, Class<T> type) {
        Object value = attributes.get(name);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalStateException("runbook attribute '" + name + "' is a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return Optional.ofNullable(type.cast(value));
    }

    /** Sets or, with a null value, removes an attribute. */
    public void putAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    public static final class Builder {
        private Clock clock;
        private Journal journal;
        private boolean yes;
        private PrintWriter out = new PrintWriter(Writer.nullWriter());
        private Terminal terminal = Terminal.none();
        private ErrorClassifier errorClassifier = ErrorClassifier.NONE;
        private ProgressListener progress = ProgressListener.NONE;
        private ExecutorSettings executorSettings = ExecutorSettings.defaults();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();

        private Builder() {
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** The journal of this run, e.g. one file per stack and runbook; resume and recover read it back. */
        public Builder journal(Journal value) {
            this.journal = value;
            return this;
        }

        public Builder yes(boolean value) {
            this.yes = value;
            return this;
        }

        /** Where actions write for the operator; by default nowhere. */
        public Builder out(PrintWriter value) {
            this.out = Objects.requireNonNull(value, "out");
            return this;
        }

        /** The terminal questions go to; by default none (so an approval needs --yes). */
        public Builder terminal(Terminal value) {
            this.terminal = Objects.requireNonNull(value, "terminal");
            return this;
        }

        /** Which errors thrown by actions the engine retries (the AWS module supplies it); by default none. */
        public Builder errorClassifier(ErrorClassifier value) {
            this.errorClassifier = Objects.requireNonNull(value, "errorClassifier");
            return this;
        }

        /** Live progress of each step; by default none. */
        public Builder progress(ProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        public Builder executorSettings(ExecutorSettings value) {
            this.executorSettings = Objects.requireNonNull(value, "executorSettings");
            return this;
        }

        public Builder attribute(String name, Object value) {
            attributes.put(name, Objects.requireNonNull(value, "value of attribute " + name));
            return this;
        }

        public RunbookContext build() {
            return new RunbookContext(this);
        }
    }
}
