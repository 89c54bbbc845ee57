package dr.runbooks.builtin;

import dr.runbooks.Runbook;
import dr.runbooks.RunbookCatalog;
import dr.runbooks.RunbookLoader;
import dr.runbooks.RunbookText;
import dr.runbooks.actions.cleanup.CleanupActions;
import dr.runbooks.actions.cycle.CycleActions;
import dr.runbooks.actions.failback.FailbackActions;
import dr.runbooks.actions.reprotect.ReprotectActions;
import dr.runbooks.actions.drill.DrillActions;
import dr.runbooks.actions.promote.PromoteActions;
import dr.runbooks.actions.status.StatusActions;
import dr.runbooks.step.StepTypeRegistry;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one registry of step types dr ships, and the catalog of built-in runbooks over it. It sits above the actions
 * packages (which depend on the runbook model in {@code dr.runbooks}), so the model never depends on its actions.
 */
public final class Runbooks {
    private Runbooks() {
    }

    public static StepTypeRegistry registry() {
        StepTypeRegistry registry = BuiltInStepTypes.newRegistry();
        StatusActions.register(registry);
        PromoteActions.register(registry);
        DrillActions.register(registry);
        CleanupActions.register(registry);
        CycleActions.register(registry);
        ReprotectActions.register(registry);
        FailbackActions.register(registry);
        return registry;
    }

    public static RunbookCatalog catalog() {
        return new RunbookCatalog(registry());
    }

    /** {@code runbook show}: a built-in by name, or a user's file by path. */
    public static String show(String nameOrFile) {
        return RunbookText.render(describe(nameOrFile));
    }

    /** A built-in by name, or a user's file by path, read for showing: unknown step types are marked, not refused. */
    public static Runbook describe(String nameOrFile) {
        if (RunbookCatalog.BUILT_INS.contains(nameOrFile) || !Files.exists(Path.of(nameOrFile))) {
            return catalog().describe(nameOrFile);
        }
        return new RunbookLoader(registry()).describe(Path.of(nameOrFile));
    }

    /** {@code runbook run}: a built-in by name, or a user's file by path; every step type must exist. */
    public static Runbook load(String nameOrFile) {
        if (RunbookCatalog.BUILT_INS.contains(nameOrFile) || !Files.exists(Path.of(nameOrFile))) {
            return catalog().load(nameOrFile);
        }
        return new RunbookLoader(registry()).load(Path.of(nameOrFile));
    }
}
