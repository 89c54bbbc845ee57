package dr.runbooks;

import dr.core.clock.Clock;
import dr.core.engine.Executor;
import dr.core.engine.Journal;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.Terminal;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The {@link ActionContext} of one step of one run. */
final class RunActionContext implements ActionContext {
    private final String runbook;
    private final String stepId;
    private final RunbookContext context;
    private final RunJournal journal;
    private final Map<String, Map<String, Object>> outputs;
    private final BooleanSupplier interrupted;

    RunActionContext(String runbook, String stepId, RunbookContext context, RunJournal journal,
                     Map<String, Map<String, Object>> outputs, BooleanSupplier interrupted) {
        this.runbook = runbook;
        this.stepId = stepId;
        this.context = context;
        this.journal = journal;
        this.outputs = outputs;
        this.interrupted = interrupted;
    }

    @Override
    public boolean interrupted() {
        return interrupted.getAsBoolean();
    }

    @Override
    public String runbook() {
        return runbook;
    }

    @Override
    public String stepId() {
        return stepId;
    }

    @Override
    public Clock clock() {
        return context.clock();
    }

    @Override
    public PrintWriter out() {
        return context.out();
    }

    @Override
    public Executor executor() {
        return new Executor(context.clock(), context.errorClassifier(), new StepEventsOnly(context.progress()),
                context.executorSettings());
    }

    @Override
    public boolean yes() {
        return context.yes();
    }

    @Override
    public Terminal terminal() {
        return context.terminal();
    }

    @Override
    public <T> Optional<T> attribute(String name, Class<T> type) {
        return context.attribute(name, type);
    }

    @Override
    public void putAttribute(String name, Object value) {
        context.putAttribute(name, value);
    }

    @Override
    public Map<String, Object> outputs(String step) {
        return outputs.getOrDefault(step, Map.of());
    }

    @Override
    public void record(String type, Map<String, Object> data) {
        if (RunJournal.RESERVED.contains(type)) {
            throw new IllegalArgumentException("journal record type '" + type + "' is the runner's own; pick another");
        }
        journal.append(type, stepId, data);
    }

    @Override
    public List<Journal.Entry> records(String type) {
        return journal.currentRun().stream().filter(entry -> entry.type().equals(type)).toList();
    }
}
