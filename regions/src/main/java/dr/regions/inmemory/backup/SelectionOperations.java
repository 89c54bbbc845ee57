package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.BackupState;
import dr.regions.inmemory.world.BackupState.Plan;
import dr.regions.inmemory.world.BackupState.Selection;
import dr.regions.inmemory.world.BackupState.TagCondition;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.Condition;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsResponse;

import java.util.ArrayList;
import java.util.List;

/** CreateBackupSelection, GetBackupSelection, ListBackupSelections, DeleteBackupSelection. */
final class SelectionOperations {
    private final BackupContext ctx;
    private final PlanOperations plans;

    SelectionOperations(BackupContext ctx, PlanOperations plans) {
        this.ctx = ctx;
        this.plans = plans;
    }

    CreateBackupSelectionResponse create(CreateBackupSelectionRequest request) {
        String planId = BackupErrors.required(request.backupPlanId(), "BackupPlanId");
        BackupSelection input = request.backupSelection();
        if (input == null) {
            throw BackupErrors.missingParameter("BackupSelection");
        }
        String name = BackupErrors.required(input.selectionName(), "SelectionName");
        String role = BackupRole.assumable(ctx.world, BackupErrors.required(input.iamRoleArn(), "IamRoleArn"));
        // CreateBackupSelection declares no ResourceNotFoundException: an unknown plan id is an invalid value.
        Plan plan = ctx.state.plans.get(planId);
        if (plan == null) {
            throw BackupErrors.invalidParameter("Backup plan " + planId + " does not exist.");
        }
        for (Selection existing : ctx.state.selections.values()) {
            if (request.creatorRequestId() != null && request.creatorRequestId().equals(existing.creatorRequestId)
                    && existing.planId.equals(plan.id)) {
                return created(existing);
            }
            if (existing.planId.equals(plan.id) && existing.name.equals(name)) {
                throw BackupErrors.alreadyExists("Backup selection with the same name already exists");
            }
        }
        Selection selection = new Selection();
        selection.id = ctx.world.ids.uuid();
        selection.planId = plan.id;
        selection.name = name;
        selection.iamRoleArn = role;
        selection.creatorRequestId = request.creatorRequestId();
        selection.creationDate = ctx.now();
        if (input.hasResources()) {
            selection.resources = new ArrayList<>(input.resources());
        }
        if (input.hasNotResources()) {
            selection.notResources = new ArrayList<>(input.notResources());
        }
        if (input.hasListOfTags()) {
            for (Condition condition : input.listOfTags()) {
                TagCondition tag = new TagCondition();
                tag.type = condition.conditionTypeAsString();
                tag.key = BackupErrors.required(condition.conditionKey(), "ConditionKey");
                tag.value = condition.conditionValue();
                selection.listOfTags.add(tag);
            }
        }
        ctx.state.selections.put(selection.id, selection);
        ctx.world.faults().created(selection.id);
        return created(selection);
    }

    private static CreateBackupSelectionResponse created(Selection selection) {
        return CreateBackupSelectionResponse.builder().selectionId(selection.id).backupPlanId(selection.planId)
                .creationDate(selection.creationDate).build();
    }

    private Selection selection(String planId, String selectionId) {
        plans.plan(planId);
        BackupErrors.required(selectionId, "SelectionId");
        Selection selection = ctx.state.selections.get(selectionId);
        if (selection == null || !selection.planId.equals(planId)) {
            throw BackupErrors.notFound("Backup selection " + selectionId + " does not exist.");
        }
        return selection;
    }

    GetBackupSelectionResponse get(GetBackupSelectionRequest request) {
        Selection selection = selection(request.backupPlanId(), request.selectionId());
        if (!ctx.world.faults().visible(selection.id)) {
            throw BackupErrors.notFound("Backup selection " + selection.id + " does not exist.");
        }
        return GetBackupSelectionResponse.builder()
                .backupSelection(BackupSelection.builder()
                        .selectionName(selection.name)
                        .iamRoleArn(selection.iamRoleArn)
                        .resources(selection.resources)
                        .notResources(selection.notResources)
                        .listOfTags(selection.listOfTags.stream().map(tag -> Condition.builder()
                                .conditionType(tag.type).conditionKey(tag.key).conditionValue(tag.value).build())
                                .toList())
                        .build())
                .selectionId(selection.id)
                .backupPlanId(selection.planId)
                .creationDate(selection.creationDate)
                .creatorRequestId(selection.creatorRequestId)
                .build();
    }

    ListBackupSelectionsResponse list(ListBackupSelectionsRequest request) {
        Plan plan = plans.plan(request.backupPlanId());
        List<Selection> selections = ctx.state.selections.values().stream()
                .filter(s -> s.planId.equals(plan.id)).toList();
        BackupPage<Selection> page = BackupPage.of(selections, s -> s.id, request.nextToken(), request.maxResults());
        return ListBackupSelectionsResponse.builder()
                .backupSelectionsList(page.items().stream().map(s -> BackupSelectionsListMember.builder()
                        .selectionId(s.id)
                        .selectionName(s.name)
                        .backupPlanId(s.planId)
                        .creationDate(s.creationDate)
                        .creatorRequestId(s.creatorRequestId)
                        .iamRoleArn(s.iamRoleArn)
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteBackupSelectionResponse delete(DeleteBackupSelectionRequest request) {
        Selection selection = selection(request.backupPlanId(), request.selectionId());
        ctx.state.selections.remove(selection.id);
        return DeleteBackupSelectionResponse.builder().build();
    }
}
