package dr.core.engine;

import java.time.Duration;
import java.util.List;

/**
 * One unit of work in a plan. A step does one thing and does not wait: the engine calls {@link #execute}
 * repeatedly, with its own backoff and timeout on the injectable clock, until the step returns
 * {@link StepResult.Done} or {@link StepResult.Failed}. A step keeps what it learns between calls (e.g. "submitted")
 * in {@link StepContext#perRun}, not in its fields, so the same plan can be executed more than once.
 * Steps find their resource by tags first, so a re-run after a crash picks up where the last run stopped.
 */
public interface Step {
    StepKey key();

    /** Steps that must be done before this one starts; their outputs are readable through the context. */
    List<StepKey> dependsOn();

    /** AWS-style type name for reports, e.g. {@code AWS::EC2::VPC}. */
    String resourceType();

    /** Modeled duration, from {@code ModeledDurations}, for the plan's estimate and critical path. */
    Duration estimate();

    /**
     * What the plan says this step will do, before it runs: {@link Action#ENSURE} when only AWS can tell (a dry
     * run makes no call), {@link Action#DELETE} for a cleanup step, {@link Action#SKIP} when the spec leaves the
     * resource out (e.g. no domain). What the step really did is the action of its {@link StepResult.Done}.
     */
    default Action plannedAction() {
        return Action.ENSURE;
    }

    /** Longest the engine waits for this step before failing it. */
    default Duration timeout() {
        return Duration.ofMinutes(60);
    }

    StepResult execute(StepContext context);
}
