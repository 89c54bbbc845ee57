package dr.runbooks.actions.cleanup;

import dr.regions.discovery.ResourceKind;
import dr.runbooks.step.ParamSpec;
import dr.runbooks.step.ParamType;
import dr.runbooks.step.Postcondition;
import dr.runbooks.step.StepType;
import dr.runbooks.step.StepTypeRegistry;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The step types of {@code dr cleanup}. Every one finds the stack by its tags only, so nothing without the stack's tag
 * is ever touched, and every one looks afresh before it acts, so a run resumed after a crash finds only what is left.
 */
public final class CleanupActions {
    static final String RESULTS_ATTRIBUTE = "cleanup.results";
    static final String REMAINING_ATTRIBUTE = "cleanup.remaining";

    private static final List<String> KINDS = Arrays.stream(ResourceKind.values()).map(ResourceKind::slug).toList();

    public static final StepType DISCOVER = StepType.builder("discover-stack")
            .description("finds every resource with the stack's tags in both regions and globally, and lists what "
                    + "would go; fails when a region cannot be read")
            .defaultTimeout(Duration.ofMinutes(5))
            .action(params -> new DiscoverStackAction())
            .build();

    public static final StepType DELETE = StepType.builder("delete-resources")
            .description("deletes the stack's resources (those of 'kinds' only, when given) in an order AWS accepts, "
                    + "in parallel where it allows; treats 'already gone' as done")
            .param(ParamSpec.optional("kinds", ParamType.TEXT_LIST, null, "the kinds of resource to delete (default:"
                    + " all); fails before deleting anything while a resource of another kind must go first")
                    .withChoices(KINDS))
            .param(ParamSpec.optional("final-snapshot", ParamType.FLAG, true, "take and keep a final snapshot of the "
                    + "primary database (--skip-final-snapshot turns it off)"))
            .defaultTimeout(Duration.ofMinutes(90))
            .action(params -> new DeleteResourcesAction(params.optionalTexts("kinds"), params.flag("final-snapshot")))
            .postcondition(params -> DeleteResourcesAction.nothingLeft(params.optionalTexts("kinds")))
            .build();

    public static final StepType VERIFY = StepType.builder("verify-clean")
            .description("a fresh look: nothing with the stack's tag remains in any region or globally")
            .defaultTimeout(Duration.ofMinutes(5))
            .action(params -> new VerifyCleanAction())
            .build();

    public static final StepType REPORT = StepType.builder("cleanup-report")
            .description("deleted resources counted by region, final snapshots kept, failures, what remains")
            .defaultTimeout(Duration.ofMinutes(2))
            .action(params -> new CleanupReportAction())
            .postcondition(params -> Postcondition.madeAfresh("a resumed run reports on the whole run as it ends"))
            .build();

    private CleanupActions() {
    }

    public static StepTypeRegistry register(StepTypeRegistry registry) {
        return registry.register(DISCOVER).register(DELETE).register(VERIFY).register(REPORT);
    }
}
