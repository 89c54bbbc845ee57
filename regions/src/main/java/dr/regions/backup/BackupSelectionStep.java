package dr.regions.backup;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.Tags;
import dr.regions.identity.IdentityRoles;
import dr.regions.identity.RolePropagation;
import dr.regions.network.NetworkRoles;
import dr.regions.provision.EnsureStep;
import dr.regions.provision.RegionTarget;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.Condition;
import software.amazon.awssdk.services.backup.model.ConditionType;

import java.util.List;
import java.util.Optional;

/**
 * What the plan backs up: every resource tagged {@code dr:stack=<stack>} that AWS Backup supports (the stack's
 * EC2 instances, among them the image builders, and its database), with the stack's Backup role
 * ({@link IdentityRoles#BACKUP_ROLE}). Found by name in the plan's selections.
 */
public final class BackupSelectionStep extends EnsureStep {
    private final RegionTarget target;

    public BackupSelectionStep(RegionTarget target) {
        super(target.key(BackupRoles.SELECTION),
                List.of(target.key(BackupRoles.PLAN), target.key(NetworkRoles.VPC), IdentityRoles.BACKUP_ROLE_KEY),
                "AWS::Backup::BackupSelection", ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    private String name() {
        return target.name(BackupRoles.SELECTION);
    }

    private String planId(StepContext context) {
        return context.require(target.key(BackupRoles.PLAN), "id");
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String planId = planId(context);
        return backup().listBackupSelectionsPaginator(r -> r.backupPlanId(planId)).backupSelectionsList().stream()
                .filter(s -> name().equals(s.selectionName()))
                .map(BackupSelectionsListMember::selectionId)
                .findFirst();
    }

    @Override
    protected String create(StepContext context) {
        String planId = planId(context);
        String role = RolePropagation.backupRoleArn(context);
        return RolePropagation.toBackup(context, () -> backup().createBackupSelection(r -> r.backupPlanId(planId)
                .creatorRequestId("dr-" + target.stack() + "-" + BackupRoles.SELECTION)
                .backupSelection(BackupSelection.builder()
                        .selectionName(name())
                        .iamRoleArn(role)
                        .listOfTags(Condition.builder()
                                .conditionType(ConditionType.STRINGEQUALS)
                                .conditionKey(Tags.STACK)
                                .conditionValue(target.stack())
                                .build())
                        .build())).selectionId());
    }

    private BackupClient backup() {
        return target.clients().backup(target.region());
    }
}
