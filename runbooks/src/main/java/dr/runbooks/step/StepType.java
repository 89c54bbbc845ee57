package dr.runbooks.step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A kind of runbook step, e.g. {@code approval} or {@code inject-fault}: its name as written after {@code type:}, what
 * it does in one line, the parameters it takes, how long it may take when the runbook gives no {@code timeout}, and the
 * factory that makes its action. Build one with {@link #builder} and register it in a {@link StepTypeRegistry}.
 */
public final class StepType {
    /** Used when neither the runbook nor the step type says how long a step may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    private final String name;
    private final String description;
    private final List<ParamSpec> params;
    private final Function<StepParams, Duration> defaultTimeout;
    private final RunbookActionFactory factory;
    private final Function<StepParams, Postcondition> postcondition;

    private StepType(Builder builder) {
        this.name = builder.name;
        this.description = Objects.requireNonNull(builder.description, "description of step type " + name);
        this.params = List.copyOf(builder.params);
        this.defaultTimeout = builder.defaultTimeout;
        this.factory = Objects.requireNonNull(builder.factory, "action factory of step type " + name);
        this.postcondition = builder.postcondition;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** In declaration order, which is the order {@code runbook show} prints them in. */
    public List<ParamSpec> params() {
        return params;
    }

    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(spec -> spec.name().equals(paramName)).findFirst();
    }

    /** How long a step of this type may take when its runbook gives no {@code timeout}. */
    public Duration defaultTimeout(StepParams stepParams) {
        return defaultTimeout.apply(stepParams);
    }

    public RunbookAction newAction(StepParams stepParams) {
        return factory.create(stepParams);
    }

    /** Whether a step of this type says what must hold in the cloud once it finished. */
    public boolean hasPostcondition() {
        return postcondition != null;
    }

    /** What must hold in the cloud once a step of this type with these parameters finished; NONE if it says nothing. */
    public Postcondition postcondition(StepParams stepParams) {
        return postcondition == null ? Postcondition.NONE : postcondition.apply(stepParams);
    }

    @Override
    public String toString() {
        return name;
    }

    public static final class Builder {
        private final String name;
        private String description;
        private final List<ParamSpec> params = new ArrayList<>();
        private Function<StepParams, Duration> defaultTimeout = stepParams -> DEFAULT_TIMEOUT;
        private RunbookActionFactory factory;
        private Function<StepParams, Postcondition> postcondition;

        private Builder(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("step type name '" + name + "' must be lower-case words joined by '-'");
            }
            this.name = name;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder param(ParamSpec spec) {
            if (params.stream().anyMatch(existing -> existing.name().equals(spec.name()))) {
                throw new IllegalArgumentException("step type " + name + " declares parameter '" + spec.name() + "' twice");
            }
            params.add(spec);
            return this;
        }

        public Builder defaultTimeout(Duration timeout) {
            return defaultTimeout(stepParams -> timeout);
        }

        /** A default timeout that depends on the parameters, e.g. a wait's duration plus a margin. */
        public Builder defaultTimeout(Function<StepParams, Duration> timeout) {
            this.defaultTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder action(RunbookActionFactory actionFactory) {
            this.factory = actionFactory;
            return this;
        }

        /**
         * What must hold in the cloud once a step of this type finished: a resumed run checks it for the steps its
         * journal calls finished, and runs those again where it does not hold.
         */
        public Builder postcondition(Function<StepParams, Postcondition> check) {
            this.postcondition = Objects.requireNonNull(check, "postcondition");
            return this;
        }

        public StepType build() {
            return new StepType(this);
        }
    }
}
