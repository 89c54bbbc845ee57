package dr.runbooks.step;

/** Makes the action of one step from the step's checked parameters. */
@FunctionalInterface
public interface RunbookActionFactory {
    RunbookAction create(StepParams params);
}
