package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.Copy;
import dr.regions.inmemory.world.BackupState.Lifecycle;
import dr.regions.inmemory.world.BackupState.Plan;
import dr.regions.inmemory.world.BackupState.Rule;
import software.amazon.awssdk.services.backup.model.BackupPlan;
import software.amazon.awssdk.services.backup.model.BackupPlanInput;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupRuleInput;
import software.amazon.awssdk.services.backup.model.CopyAction;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;
import software.amazon.awssdk.services.backup.model.UpdateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.UpdateBackupPlanResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * CreateBackupPlan, GetBackupPlan, ListBackupPlans, UpdateBackupPlan, DeleteBackupPlan. Plans are kept as
 * written; the fake does not run their schedules (dr starts its on-demand backup and copy itself).
 */
final class PlanOperations {
    private final BackupContext ctx;

    PlanOperations(BackupContext ctx) {
        this.ctx = ctx;
    }

    CreateBackupPlanResponse create(CreateBackupPlanRequest request) {
        BackupPlanInput input = request.backupPlan();
        if (input == null) {
            throw BackupErrors.missingParameter("BackupPlan");
        }
        String name = BackupErrors.required(input.backupPlanName(), "BackupPlanName");
        for (Plan existing : ctx.state.plans.values()) {
            if (request.creatorRequestId() != null && request.creatorRequestId().equals(existing.creatorRequestId)) {
                return created(existing);
            }
            if (existing.name.equals(name)) {
                throw BackupErrors.alreadyExists("Backup plan with the same plan document already exists");
            }
        }
        List<Rule> rules = rules(input);
        Plan plan = new Plan();
        plan.id = ctx.world.ids.uuid();
        plan.arn = ctx.planArn(plan.id);
        plan.versionId = newVersionId();
        plan.name = name;
        plan.creatorRequestId = request.creatorRequestId();
        plan.creationDate = ctx.now();
        plan.rules = rules;
        plan.tags.putAll(BackupTags.check(request.backupPlanTags()));
        ctx.state.plans.put(plan.id, plan);
        ctx.world.faults().created(plan.arn);
        return created(plan);
    }

    private static CreateBackupPlanResponse created(Plan plan) {
        return CreateBackupPlanResponse.builder().backupPlanId(plan.id).backupPlanArn(plan.arn)
                .creationDate(plan.creationDate).versionId(plan.versionId).build();
    }

    /**
     * The rules as stored, checked the way AWS checks them: a rule needs a name and a target vault that exists
     * in this region; a copy action needs a backup vault ARN.
     */
    private List<Rule> rules(BackupPlanInput input) {
        if (!input.hasRules() || input.rules().isEmpty()) {
            throw BackupErrors.missingParameter("Rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (BackupRuleInput in : input.rules()) {
            Rule rule = new Rule();
            rule.ruleId = ctx.world.ids.uuid();
            rule.ruleName = BackupErrors.required(in.ruleName(), "RuleName");
            rule.targetVaultName = BackupErrors.required(in.targetBackupVaultName(), "TargetBackupVaultName");
            if (!ctx.state.vaults.containsKey(rule.targetVaultName)) {
                throw BackupErrors.invalidParameter("Backup vault " + rule.targetVaultName + " does not exist.");
            }
            rule.scheduleExpression = in.scheduleExpression();
            rule.scheduleExpressionTimezone = in.scheduleExpressionTimezone();
            rule.startWindowMinutes = in.startWindowMinutes();
            rule.completionWindowMinutes = in.completionWindowMinutes();
            rule.lifecycle = lifecycle(in.lifecycle());
            if (in.hasCopyActions()) {
                for (CopyAction action : in.copyActions()) {
                    Copy copy = new Copy();
                    copy.destinationVaultArn = BackupErrors.required(action.destinationBackupVaultArn(),
                            "DestinationBackupVaultArn");
                    if (VaultArn.parse(copy.destinationVaultArn) == null) {
                        throw BackupErrors.invalidParameter("Invalid destination backup vault ARN "
                                + copy.destinationVaultArn);
                    }
                    copy.lifecycle = lifecycle(action.lifecycle());
                    rule.copyActions.add(copy);
                }
            }
            rules.add(rule);
        }
        return rules;
    }

    static Lifecycle lifecycle(software.amazon.awssdk.services.backup.model.Lifecycle in) {
        if (in == null) {
            return null;
        }
        Lifecycle out = new Lifecycle();
        out.deleteAfterDays = in.deleteAfterDays();
        out.moveToColdStorageAfterDays = in.moveToColdStorageAfterDays();
        return out;
    }

    static software.amazon.awssdk.services.backup.model.Lifecycle lifecycle(Lifecycle in) {
        return in == null ? null : software.amazon.awssdk.services.backup.model.Lifecycle.builder()
                .deleteAfterDays(in.deleteAfterDays).moveToColdStorageAfterDays(in.moveToColdStorageAfterDays).build();
    }

    /** Version ids look like base64 text (e.g. "ZmQ2ZDE1..."): an encoded random id here. */
    private String newVersionId() {
        return Base64.getEncoder().withoutPadding()
                .encodeToString(ctx.world.ids.uuid().getBytes(StandardCharsets.US_ASCII));
    }

    Plan plan(String id) {
        BackupErrors.required(id, "BackupPlanId");
        Plan plan = ctx.state.plans.get(id);
        if (plan == null) {
            throw BackupErrors.notFound("Failed reading Backup plan with provided version");
        }
        return plan;
    }

    GetBackupPlanResponse get(GetBackupPlanRequest request) {
        Plan plan = plan(request.backupPlanId());
        if (request.versionId() != null && !request.versionId().equals(plan.versionId)
                || !ctx.world.faults().visible(plan.arn)) {
            throw BackupErrors.notFound("Failed reading Backup plan with provided version");
        }
        return GetBackupPlanResponse.builder()
                .backupPlan(BackupPlan.builder().backupPlanName(plan.name)
                        .rules(plan.rules.stream().map(PlanOperations::rule).toList()).build())
                .backupPlanId(plan.id)
                .backupPlanArn(plan.arn)
                .versionId(plan.versionId)
                .creatorRequestId(plan.creatorRequestId)
                .creationDate(plan.creationDate)
                .build();
    }

    private static BackupRule rule(Rule rule) {
        return BackupRule.builder()
                .ruleId(rule.ruleId)
                .ruleName(rule.ruleName)
                .targetBackupVaultName(rule.targetVaultName)
                .scheduleExpression(rule.scheduleExpression)
                .scheduleExpressionTimezone(rule.scheduleExpressionTimezone)
                .startWindowMinutes(rule.startWindowMinutes)
                .completionWindowMinutes(rule.completionWindowMinutes)
                .lifecycle(lifecycle(rule.lifecycle))
                .copyActions(rule.copyActions.stream().map(copy -> CopyAction.builder()
                        .destinationBackupVaultArn(copy.destinationVaultArn)
                        .lifecycle(lifecycle(copy.lifecycle)).build()).toList())
                .build();
    }

    ListBackupPlansResponse list(ListBackupPlansRequest request) {
        List<Plan> plans = List.copyOf(ctx.state.plans.values());
        BackupPage<Plan> page = BackupPage.of(plans, p -> p.id, request.nextToken(), request.maxResults());
        return ListBackupPlansResponse.builder()
                .backupPlansList(page.items().stream().map(plan -> BackupPlansListMember.builder()
                        .backupPlanArn(plan.arn)
                        .backupPlanId(plan.id)
                        .backupPlanName(plan.name)
                        .versionId(plan.versionId)
                        .creationDate(plan.creationDate)
                        .creatorRequestId(plan.creatorRequestId)
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    UpdateBackupPlanResponse update(UpdateBackupPlanRequest request) {
        Plan plan = plan(request.backupPlanId());
        BackupPlanInput input = request.backupPlan();
        if (input == null) {
            throw BackupErrors.missingParameter("BackupPlan");
        }
        String name = BackupErrors.required(input.backupPlanName(), "BackupPlanName");
        plan.rules = rules(input);
        plan.name = name;
        plan.versionId = newVersionId();
        return UpdateBackupPlanResponse.builder().backupPlanId(plan.id).backupPlanArn(plan.arn)
                .creationDate(plan.creationDate).versionId(plan.versionId).build();
    }

    DeleteBackupPlanResponse delete(DeleteBackupPlanRequest request) {
        Plan plan = plan(request.backupPlanId());
        // DeleteBackupPlan: "the plan's selections must be deleted first".
        if (ctx.state.selections.values().stream().anyMatch(s -> s.planId.equals(plan.id))) {
            throw BackupErrors.invalidRequest(
                    "Related backup plan selections must be deleted prior to backup plan deletion");
        }
        ctx.state.plans.remove(plan.id);
        return DeleteBackupPlanResponse.builder().backupPlanId(plan.id).backupPlanArn(plan.arn)
                .deletionDate(ctx.now()).versionId(plan.versionId).build();
    }
}
