package dr.regions.backup;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.regions.network.NetworkRoles;
import dr.regions.provision.EnsureStep;
import dr.regions.provision.RegionTarget;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.Conditions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the daily plan backs up: the image builders, named by their instance ARNs, and nothing else. A selection by
 * the stack tag would take every instance the Auto Scaling groups launch too (they propagate that tag), imaging
 * each disposable instance daily and copying it across regions. The golden images are made from the builders, so
 * they are what the plan keeps fresh copies of.
 *
 * <p>AWS Backup cannot update a selection. One that selects anything else (a builder replaced since, or the tag
 * selection of earlier dr versions) is deleted, then created anew; the creator request id names the ARNs, so a
 * retried create neither duplicates it nor brings back the old one.
 */
public final class BackupSelectionStep extends EnsureStep {
    private final RegionTarget target;

    public BackupSelectionStep(RegionTarget target) {
        super(target.key(BackupRoles.SELECTION), dependencies(target), "AWS::Backup::BackupSelection",
                ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    private static List<StepKey> dependencies(RegionTarget target) {
        List<StepKey> keys = new ArrayList<>(List.of(target.key(BackupRoles.PLAN), target.key(NetworkRoles.VPC)));
        for (Tier tier : Tier.values()) {
            keys.add(target.key(tier.builderRole()));
        }
        return keys;
    }

    private String name() {
        return target.name(BackupRoles.SELECTION);
    }

    private String planId(StepContext context) {
        return context.require(target.key(BackupRoles.PLAN), "id");
    }

    private String roleArn(StepContext context) {
        return BackupRoles.serviceRoleArn(context.require(target.key(NetworkRoles.VPC), "account"));
    }

    /** The builders' instance ARNs, sorted. */
    private List<String> resources(StepContext context) {
        TreeSet<String> arns = new TreeSet<>();
        for (Tier tier : Tier.values()) {
            arns.add(context.require(target.key(tier.builderRole()), "arn"));
        }
        return List.copyOf(arns);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String planId = planId(context);
        Optional<String> found = backup().listBackupSelectionsPaginator(r -> r.backupPlanId(planId))
                .backupSelectionsList().stream()
                .filter(s -> name().equals(s.selectionName()))
                .map(BackupSelectionsListMember::selectionId)
                .findFirst();
        if (found.isEmpty()) {
            return found;
        }
        BackupSelection actual = backup().getBackupSelection(r -> r.backupPlanId(planId)
                .selectionId(found.get())).backupSelection();
        if (selectsOnly(actual, resources(context), roleArn(context))) {
            return found;
        }
        backup().deleteBackupSelection(r -> r.backupPlanId(planId).selectionId(found.get()));
        return Optional.empty();
    }

    @Override
    protected String create(StepContext context) {
        List<String> resources = resources(context);
        return backup().createBackupSelection(r -> r.backupPlanId(planId(context))
                .creatorRequestId("dr-" + target.stack() + "-" + BackupRoles.SELECTION + "-" + digest(resources))
                .backupSelection(BackupSelection.builder()
                        .selectionName(name())
                        .iamRoleArn(roleArn(context))
                        .resources(resources)
                        .build())).selectionId();
    }

    /** Exactly these resources with this role: no tag conditions, no exclusions. */
    static boolean selectsOnly(BackupSelection actual, List<String> resources, String roleArn) {
        return roleArn.equals(actual.iamRoleArn())
                && new TreeSet<>(actual.resources()).equals(new TreeSet<>(resources))
                && actual.listOfTags().isEmpty()
                && actual.notResources().isEmpty()
                && noConditions(actual.conditions());
    }

    private static boolean noConditions(Conditions conditions) {
        return conditions == null || (conditions.stringEquals().isEmpty() && conditions.stringNotEquals().isEmpty()
                && conditions.stringLike().isEmpty() && conditions.stringNotLike().isEmpty());
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
