package dr.regions.readiness;

import dr.core.engine.DurationFormat;
import dr.regions.backup.BackupRoles;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.images.GivenImageCopies;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The newest completed recovery point in the DR vault and its age (ListRecoveryPointsByBackupVault): what DR could
 * restore or launch from if the primary region were gone. Too old, or none, is a failure. The vault is the one
 * discovery listed (ListBackupVaults): asked of a vault that does not exist, ListRecoveryPointsByBackupVault
 * answers AccessDeniedException rather than "not found", so a missing vault is reported from the listing. A stack
 * whose tiers all launch from the operator's own images ({@code --web-image}, {@code --app-image}) keeps nothing in
 * the vault: what DR launches from is then its available EC2 copies of those images, which pass the check.
 */
public final class RecoveryPointReadiness {
    static final String CHECK = "newest-recovery-point";
    private static final String COMPLETED = "COMPLETED";

    private final ReadinessScope scope;
    private final Duration maxAge;

    public RecoveryPointReadiness(ReadinessScope scope, Duration maxAge) {
        this.scope = scope;
        this.maxAge = maxAge;
    }

    public List<Finding> check() {
        String region = scope.region(scope.standby());
        Findings findings = new Findings(region, Verdict.FAIL);
        Optional<StackResource> vault = scope.find(ResourceKind.BACKUP_VAULT, region, BackupRoles.VAULT);
        if (!scope.reachable(region)) {
            findings.problem(DataReadiness.BACKUP, CHECK, "cannot be read: " + region + " unreachable");
            return findings.list();
        }
        if (vault.isEmpty()) {
            findings.problem(DataReadiness.BACKUP, CHECK, scope.unverified(ResourceKind.BACKUP_VAULT, region)
                    .orElse("no DR backup vault"));
            return findings.list();
        }
        List<RecoveryPointByBackupVault> points = scope.clients().backup(region)
                .listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(vault.get().id())).recoveryPoints()
                .stream().filter(p -> COMPLETED.equals(p.statusAsString()) && p.creationDate() != null).toList();
        Optional<RecoveryPointByBackupVault> newest = points.stream()
                .max(Comparator.comparing(RecoveryPointByBackupVault::creationDate));
        if (newest.isEmpty()) {
            Optional<Map<String, String>> copies = GivenImageCopies.ofEveryTier(scope.clients().ec2(region),
                    scope.spec().stack());
            if (copies.isPresent()) {
                findings.ok(DataReadiness.BACKUP, CHECK, "none needed: DR launches from EC2 copies of the given images ("
                        + copies.get().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")) + ")", new LinkedHashMap<>(copies.get()));
            } else {
                findings.problem(DataReadiness.BACKUP, CHECK, "vault " + vault.get().id() + " holds no completed "
                        + "recovery point");
            }
            return findings.list();
        }
        RecoveryPointByBackupVault point = newest.get();
        Duration age = Duration.between(point.creationDate(), scope.now());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("vault", vault.get().id());
        facts.put("recoveryPoint", point.recoveryPointArn());
        facts.put("resourceType", String.valueOf(point.resourceType()));
        facts.put("createdAt", point.creationDate().toString());
        facts.put("ageSeconds", String.valueOf(Math.max(0, age.toSeconds())));
        facts.put("maxAgeSeconds", String.valueOf(maxAge.toSeconds()));
        facts.put("completedRecoveryPoints", String.valueOf(points.size()));
        String detail = point.resourceType() + " " + point.recoveryPointArn() + ", " + DurationFormat.compact(age)
                + " old (limit " + DurationFormat.compact(maxAge) + ")";
        if (age.compareTo(maxAge) > 0) {
            findings.problem(DataReadiness.BACKUP, CHECK, detail, facts);
        } else {
            findings.ok(DataReadiness.BACKUP, CHECK, detail, facts);
        }
        return findings.list();
    }
}
