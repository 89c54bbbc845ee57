package dr.regions.backup;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.identity.IdentityRoles;
import dr.regions.identity.RolePropagation;
import dr.regions.network.NetworkRoles;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the daily plan backs up: the image builders (of the tiers whose image dr bakes), named by their instance ARNs,
 * and nothing else. A selection by
 * the stack tag would take every instance the Auto Scaling groups launch too (they propagate that tag), imaging
 * each disposable instance daily and copying it across regions. The golden images are made from the builders, so
 * they are what the plan keeps fresh copies of.
 *
 * <p>AWS Backup cannot update a selection, so the selection's name carries a digest of the ARNs it selects,
 * {@code <stack>-builders-<digest>}: a builder replaced since gives a new name, and the step creates that
 * selection, then deletes the stack's other ones (an older builders selection, or the tag selection
 * {@code <stack>-backup-selection} of earlier dr versions). Reading the name is enough to know what a selection
 * of dr's selects (no GetBackupSelection), and the creator request id is the name, so a retried create is one.
 * The selection uses the stack's Backup role ({@link IdentityRoles#BACKUP_ROLE}).
 */
public final class BackupSelectionStep extends EnsureStep {
    private final RegionTarget target;
    private List<BackupSelectionsListMember> obsolete = List.of();

    public BackupSelectionStep(RegionTarget target) {
        super(target.key(BackupRoles.SELECTION), dependencies(target), "AWS::Backup::BackupSelection",
                ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    private static List<StepKey> dependencies(RegionTarget target) {
        List<StepKey> keys = new ArrayList<>(List.of(target.key(BackupRoles.PLAN), target.key(NetworkRoles.VPC),
                IdentityRoles.BACKUP_ROLE_KEY));
        for (Tier tier : Tier.baked(target.spec())) {
            keys.add(target.key(tier.builderRole()));
        }
        return keys;
    }

    /** The tag selection earlier dr versions made: {@code <stack>-backup-selection}. */
    private String legacyName() {
        return target.name(BackupRoles.SELECTION);
    }

    private String namePrefix() {
        return target.name("builders") + "-";
    }

    /** {@code <stack>-builders-<digest of the ARNs>}: at most 31 + 10 + 8 characters, within Backup's 50. */
    private String name(List<String> resources) {
        return namePrefix() + digest(resources);
    }

    private String planId(StepContext context) {
        return context.require(target.key(BackupRoles.PLAN), "id");
    }

    /** The builders' instance ARNs, sorted. */
    private List<String> resources(StepContext context) {
        TreeSet<String> arns = new TreeSet<>();
        for (Tier tier : Tier.baked(target.spec())) {
            arns.add(context.require(target.key(tier.builderRole()), "arn"));
        }
        return List.copyOf(arns);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String planId = planId(context);
        String wanted = name(resources(context));
        Optional<String> found = Optional.empty();
        List<BackupSelectionsListMember> obsolete = new ArrayList<>();
        for (BackupSelectionsListMember selection : backup()
                .listBackupSelectionsPaginator(r -> r.backupPlanId(planId)).backupSelectionsList()) {
            if (wanted.equals(selection.selectionName())) {
                found = Optional.of(selection.selectionId());
            } else if (isDrs(selection.selectionName())) {
                obsolete.add(selection);
            }
        }
        this.obsolete = obsolete;
        return found;
    }

    /** Deletes the stack's other selections, once the one wanted exists: the plan is never left without one. */
    @Override
    protected boolean converge(StepContext context, String selectionId) {
        String planId = planId(context);
        for (BackupSelectionsListMember selection : obsolete) {
            backup().deleteBackupSelection(r -> r.backupPlanId(planId).selectionId(selection.selectionId()));
        }
        boolean changed = !obsolete.isEmpty();
        obsolete = List.of();
        return changed;
    }

    private boolean isDrs(String selectionName) {
        return legacyName().equals(selectionName) || selectionName.startsWith(namePrefix());
    }

    @Override
    protected String create(StepContext context) {
        List<String> resources = resources(context);
        String name = name(resources);
        String planId = planId(context);
        String role = RolePropagation.backupRoleArn(context);
        return RolePropagation.toBackup(context, () -> backup().createBackupSelection(r -> r.backupPlanId(planId)
                .creatorRequestId("dr-" + name)
                .backupSelection(BackupSelection.builder()
                        .selectionName(name)
                        .iamRoleArn(role)
                        .resources(resources)
                        .build())).selectionId());
    }

    /** Eight hex digits of SHA-256 over the ARNs: a short, stable name for one set of resources. */
    static String digest(List<String> resources) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", resources).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private BackupClient backup() {
        return target.clients().backup(target.region());
    }
}
