package dr.runbooks.actions.cleanup;

import dr.core.engine.ExecutionResult;
import dr.core.engine.StepOutcome;
import dr.core.engine.StepResult;
import dr.core.report.CleanupReport;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupPlan;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.Postcondition;
import dr.runbooks.step.RunbookAction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes the stack's resources, or those of some kinds only, as one plan on the engine: in the order AWS accepts
 * and in parallel where it allows, each deletion with its own timeout. The first full deletion of a run deletes
 * exactly the plan the operator approved; any other (a later step, a resumed run) plans afresh from the tags, so it
 * finds only what is left.
 */
final class DeleteResourcesAction implements RunbookAction {
    private static final int FAILURES_SHOWN = 3;

    private final Optional<Set<ResourceKind>> kinds;
    private final boolean finalSnapshot;

    DeleteResourcesAction(Optional<List<String>> kinds, boolean finalSnapshot) {
        this.kinds = kinds.map(DeleteResourcesAction::kindsOf);
        this.finalSnapshot = finalSnapshot;
    }

    private static Set<ResourceKind> kindsOf(List<String> slugs) {
        Set<ResourceKind> set = EnumSet.noneOf(ResourceKind.class);
        slugs.forEach(slug -> set.add(Arrays.stream(ResourceKind.values()).filter(k -> k.slug().equals(slug))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no resource kind " + slug))));
        return set;
    }

    @Override
    public StepResult execute(ActionContext context) {
        Cleanup cleanup = CleanupScope.cleanup(context, finalSnapshot);
        Optional<CleanupPlan> approved = approvedPlan(context);
        CleanupPlan plan = kinds.map(cleanup::plan).orElseGet(() -> approved.orElseGet(cleanup::plan));
        if (!plan.runnable()) {
            return StepResult.failed("nothing deleted: " + plan.mustGoFirst().size() + " resource(s) outside "
                    + kinds.map(DeleteResourcesAction::slugs).orElse("this step")
                    + " must go first; delete them in an earlier step: " + plan.mustGoFirst().stream()
                    .limit(FAILURES_SHOWN).map(StackResource::describe).collect(Collectors.joining("; ")));
        }
        ExecutionResult result = cleanup.delete(plan, context.executor(), context::interrupted);
        results(context).add(result);
        Map<String, Integer> byRegion = CleanupReport.deletedByRegion(result);
        int deleted = byRegion.values().stream().mapToInt(Integer::intValue).sum();
        if (context.interrupted()) {
            return StepResult.failed("interrupted after " + deleted + " deletion(s); nothing new was started; run "
                    + "again to finish");
        }
        if (!result.succeeded()) {
            return StepResult.failed(result.failed().size() + " deletion(s) failed (" + deleted
                    + " done; run again to resume): " + result.failed().stream().limit(FAILURES_SHOWN)
                    .map(DeleteResourcesAction::describe).collect(Collectors.joining("; ")));
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("deleted", deleted);
        outputs.put("byRegion", new LinkedHashMap<>(byRegion));
        return StepResult.ran("deleted " + deleted + " resources", outputs);
    }

    /**
     * What a deletion step leaves true, from a fresh look at the stack's tags: nothing of its kinds (all, when it
     * names none) is left to delete. A resumed cleanup whose journal says the deletion finished runs it again when
     * the cloud still holds some.
     */
    static Postcondition nothingLeft(Optional<List<String>> slugs) {
        Optional<Set<ResourceKind>> kinds = slugs.map(DeleteResourcesAction::kindsOf);
        return context -> {
            Cleanup cleanup = CleanupScope.cleanup(context);
            CleanupPlan left = kinds.map(cleanup::plan).orElseGet(cleanup::plan);
            return left.isEmpty() ? Optional.empty() : Optional.of(left.plan().size() + " deletion(s) of stack "
                    + left.inventory().stack() + " still to do");
        };
    }

    private static String slugs(Set<ResourceKind> set) {
        return set.stream().map(ResourceKind::slug).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The plan listed before the approval, taken by the run's first deletion step (used when it deletes everything):
     * any later deletion step looks afresh, since the stack has changed since.
     */
    private static Optional<CleanupPlan> approvedPlan(ActionContext context) {
        return CleanupRun.of(context).takeApproved();
    }

    @SuppressWarnings("unchecked")
    static List<ExecutionResult> results(ActionContext context) {
        List<ExecutionResult> results = context.attribute(CleanupActions.RESULTS_ATTRIBUTE, List.class)
                .map(list -> (List<ExecutionResult>) list).orElse(null);
        if (results == null) {
            results = Collections.synchronizedList(new ArrayList<>());
            context.putAttribute(CleanupActions.RESULTS_ATTRIBUTE, results);
        }
        return results;
    }

    private static String describe(StepOutcome failed) {
        return failed.key() + " (" + failed.resourceType() + "): " + failed.message();
    }
}
