package dr.regions.backup;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlan;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.Lifecycle;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The backup plan, in the primary region only: one daily rule into the primary vault whose copy action sends
 * every recovery point to the DR vault, both kept {@link BackupRoles#RETENTION_DAYS} days. Found by name; a rule
 * changed by hand is put back (reported as update).
 */
public final class BackupPlanStep extends EnsureStep {
    private final RegionTarget target;
    private final RegionTarget dr;
    private String arn;

    public BackupPlanStep(RegionTarget target) {
        super(target.key(BackupRoles.PLAN),
                List.of(target.key(BackupRoles.VAULT), target.other().key(BackupRoles.VAULT)),
                "AWS::Backup::BackupPlan", ModeledDurations.IMMEDIATE);
        this.target = target;
        this.dr = target.other();
    }

    private String name() {
        return target.name(BackupRoles.PLAN);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<BackupPlansListMember> plan = backup().listBackupPlansPaginator(r -> r.includeDeleted(false))
                .backupPlansList().stream().filter(p -> name().equals(p.backupPlanName())).findFirst();
        plan.ifPresent(p -> arn = p.backupPlanArn());
        return plan.map(BackupPlansListMember::backupPlanId);
    }

    @Override
    protected String create(StepContext context) {
        var response = backup().createBackupPlan(r -> r.backupPlan(desired(context))
                .backupPlanTags(target.tags(BackupRoles.PLAN))
                .creatorRequestId("dr-" + target.stack() + "-" + BackupRoles.PLAN));
        arn = response.backupPlanArn();
        markCreatedByThisRun(context);
        return response.backupPlanId();
    }

    @Override
    protected boolean converge(StepContext context, String planId) {
        if (createdByThisRun(context)) {
            return false;
        }
        BackupPlanInput desired = desired(context);
        BackupPlan actual = backup().getBackupPlan(r -> r.backupPlanId(planId)).backupPlan();
        if (matches(actual, desired)) {
            return false;
        }
        backup().updateBackupPlan(r -> r.backupPlanId(planId).backupPlan(desired));
        return true;
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String planId) {
        return Map.of("id", planId, "arn", arn);
    }

    private BackupPlanInput desired(StepContext context) {
        String vault = context.require(target.key(BackupRoles.VAULT), "id");
        String drVaultArn = context.require(dr.key(BackupRoles.VAULT), "arn");
        return BackupPlanInput.builder()
                .backupPlanName(name())
                .rules(BackupRuleInput.builder()
                        .ruleName(BackupRoles.DAILY_RULE)
                        .targetBackupVaultName(vault)
                        .scheduleExpression(BackupRoles.DAILY_SCHEDULE)
                        .startWindowMinutes(BackupRoles.START_WINDOW_MINUTES)
                        .completionWindowMinutes(BackupRoles.COMPLETION_WINDOW_MINUTES)
                        .lifecycle(retention())
                        .copyActions(CopyAction.builder().destinationBackupVaultArn(drVaultArn)
                                .lifecycle(retention()).build())
                        .build())
                .build();
    }

    private static Lifecycle retention() {
        return Lifecycle.builder().deleteAfterDays(BackupRoles.RETENTION_DAYS).build();
    }

    /** The settings dr manages; what AWS fills in by itself (rule ids, time zone) is left alone. */
    static boolean matches(BackupPlan actual, BackupPlanInput desired) {
        if (!desired.backupPlanName().equals(actual.backupPlanName()) || actual.rules().size() != 1) {
            return false;
        }
        BackupRule rule = actual.rules().get(0);
        BackupRuleInput want = desired.rules().get(0);
        return want.ruleName().equals(rule.ruleName())
                && want.targetBackupVaultName().equals(rule.targetBackupVaultName())
                && want.scheduleExpression().equals(rule.scheduleExpression())
                && Objects.equals(want.startWindowMinutes(), rule.startWindowMinutes())
                && Objects.equals(want.completionWindowMinutes(), rule.completionWindowMinutes())
                && sameRetention(want.lifecycle(), rule.lifecycle())
                && rule.copyActions().size() == 1
                && want.copyActions().get(0).destinationBackupVaultArn()
                        .equals(rule.copyActions().get(0).destinationBackupVaultArn())
                && sameRetention(want.copyActions().get(0).lifecycle(), rule.copyActions().get(0).lifecycle());
    }

    private static boolean sameRetention(Lifecycle want, Lifecycle actual) {
        return actual != null && Objects.equals(want.deleteAfterDays(), actual.deleteAfterDays())
                && Objects.equals(want.moveToColdStorageAfterDays(), actual.moveToColdStorageAfterDays());
    }

    private BackupClient backup() {
        return target.clients().backup(target.region());
    }
}
