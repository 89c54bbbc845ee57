package dr.regions.readiness;

import dr.core.model.RegionRole;
import dr.regions.backup.BackupRoles;
import dr.regions.database.DatabaseInstances;
import dr.regions.database.DatabaseRoles;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.dns.DbRecordStep;
import dr.regions.dns.PrivateZoneStep;
import dr.regions.dns.RecordSets;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;

import java.util.List;
import java.util.Optional;

/**
 * The data side of one region: the DB subnet group, the primary database (in the primary region; the replica has a
 * check of its own, {@link ReplicaReadiness}), the private zone with its {@code db.<internal>} CNAME naming this
 * region's database endpoint, and the backup vault.
 */
final class DataReadiness {
    static final String DATABASE = "database";
    static final String DNS = "dns";
    static final String BACKUP = "backup";

    private final ReadinessScope scope;
    private final RegionRole role;
    private final String region;
    private final Findings findings;

    DataReadiness(ReadinessScope scope, RegionRole role, Findings findings) {
        this.scope = scope;
        this.role = role;
        this.region = scope.region(role);
        this.findings = findings;
    }

    void check() {
        subnetGroup();
        List<DBInstance> databases = DatabaseInstances.ofStack(scope.clients().rds(region), scope.spec().stack());
        Optional<DBInstance> writer = DatabaseInstances.writer(databases);
        Optional<DBInstance> database = role == scope.serving() ? writer
                : DatabaseInstances.replica(databases).or(() -> writer);
        if (role == scope.serving()) {
            primaryDatabase(database);
        }
        privateZone(database);
        vault();
    }

    private void subnetGroup() {
        Optional<StackResource> group = scope.find(ResourceKind.DB_SUBNET_GROUP, region, DatabaseRoles.SUBNET_GROUP);
        findings.check(group.isPresent(), DATABASE, DatabaseRoles.SUBNET_GROUP,
                group.map(g -> g.id() + " present")
                        .orElseGet(() -> scope.absent(ResourceKind.DB_SUBNET_GROUP, region)));
    }

    private void primaryDatabase(Optional<DBInstance> database) {
        if (database.isEmpty()) {
            findings.problem(DATABASE, DatabaseRoles.PRIMARY, "missing");
            return;
        }
        DBInstance db = database.get();
        String detail = db.dbInstanceIdentifier() + " " + db.dbInstanceStatus()
                + (Boolean.TRUE.equals(db.multiAZ()) ? ", Multi-AZ" : ", single-AZ")
                + (db.readReplicaDBInstanceIdentifiers().isEmpty() ? ", no read replica"
                : ", replicas " + String.join(" ", db.readReplicaDBInstanceIdentifiers()));
        findings.check("available".equals(db.dbInstanceStatus()), DATABASE, DatabaseRoles.PRIMARY, detail);
    }

    /** The private zone of this region (dr's CallerReference names the region) and its database CNAME. */
    private void privateZone(Optional<DBInstance> database) {
        Optional<StackResource> zone = scope.all(ResourceKind.HOSTED_ZONE, StackResource.GLOBAL).stream()
                .filter(z -> PrivateZoneStep.ROLE.equals(z.role()) && region.equals(z.attribute("zoneRegion")))
                .findFirst();
        if (zone.isEmpty()) {
            findings.problem(DNS, PrivateZoneStep.ROLE, scope.reachable(StackResource.GLOBAL)
                    ? scope.absent(ResourceKind.HOSTED_ZONE, StackResource.GLOBAL)
                    : "cannot be read: Route 53 unreachable");
            return;
        }
        findings.ok(DNS, PrivateZoneStep.ROLE, zone.get().attribute(Attributes.NAME) + " (" + zone.get().id() + ")");
        String name = scope.spec().dbRecordName();
        List<ResourceRecord> values = RecordSets.find(scope.clients().route53(), zone.get().id(), name, RRType.CNAME)
                .stream().flatMap(set -> set.resourceRecords().stream()).toList();
        if (values.isEmpty()) {
            findings.problem(DNS, DbRecordStep.ROLE, name + " missing");
            return;
        }
        String value = values.get(0).value();
        Optional<String> endpoint = database.map(DBInstance::endpoint).map(e -> e.address());
        if (endpoint.isEmpty()) {
            findings.problem(DNS, DbRecordStep.ROLE, name + " -> " + value + ", but this region has no database "
                    + "endpoint");
            return;
        }
        boolean current = strip(value).equalsIgnoreCase(strip(endpoint.get()));
        findings.check(current, DNS, DbRecordStep.ROLE, name + " -> " + value
                + (current ? "" : " (expected " + endpoint.get() + ")"));
    }

    private void vault() {
        Optional<StackResource> vault = scope.find(ResourceKind.BACKUP_VAULT, region, BackupRoles.VAULT);
        findings.check(vault.isPresent(), BACKUP, BackupRoles.VAULT,
                vault.map(v -> v.id() + " " + v.state())
                        .orElseGet(() -> scope.absent(ResourceKind.BACKUP_VAULT, region)));
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
