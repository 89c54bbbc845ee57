package dr.regions.database;

import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.step.Deleting;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the stack's writer and its read replica are now, from both regions' databases ({@link DatabaseInstances}):
 * the writer is the newest writer of the two regions (the old primary stays a writer until a reprotect retires it,
 * since promotion never calls the primary region), the replica the newest replica in the other region. A fresh stack
 * has its writer in the primary region; after promote-replica it is in DR, and after a failback in the primary again.
 */
public record DatabaseLayout(StackSpec spec, List<Placed> databases) {

    /** A database and the region role of the region it is in. */
    public record Placed(RegionRole regionRole, String region, DBInstance db) {
        public String identifier() {
            return db.dbInstanceIdentifier();
        }
    }

    public DatabaseLayout {
        databases = List.copyOf(databases);
    }

    /** Reads both regions (DescribeDBInstances in each), databases being deleted included. */
    public static DatabaseLayout read(StackSpec spec, AwsClients clients) {
        return read(spec, clients, java.util.Set.of());
    }

    /** {@link #read}, leaving out the regions in {@code skipped} (a region discovery could not reach, say). */
    public static DatabaseLayout read(StackSpec spec, AwsClients clients, java.util.Set<String> skipped) {
        List<Placed> found = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            String region = spec.region(role);
            if (skipped.contains(region)) {
                continue;
            }
            DatabaseInstances.ofStack(clients.rds(region), spec.stack(), Deleting.PRESENT)
                    .forEach(db -> found.add(new Placed(role, region, db)));
        }
        return new DatabaseLayout(spec, found);
    }

    /** The stack's writer: of the writers of both regions, the newest generation. */
    public Optional<Placed> writer() {
        return newest(DatabaseRoles.PRIMARY, null);
    }

    /** The read replica in the region other than the writer's (the standby); with no writer, any replica. */
    public Optional<Placed> replica() {
        RegionRole standby = writer().map(w -> other(w.regionRole())).orElse(null);
        return newest(DatabaseRoles.REPLICA, standby);
    }

    /** The region the writer is in: where the stack serves from. PRIMARY for a stack without databases yet. */
    public RegionRole serving() {
        return writer().map(Placed::regionRole).orElse(RegionRole.PRIMARY);
    }

    /** Databases of the stack that are neither its writer nor its replica: stale former writers, retired ones. */
    public List<Placed> others() {
        List<Placed> rest = new ArrayList<>(live().toList());
        writer().ifPresent(rest::remove);
        replica().ifPresent(rest::remove);
        return rest;
    }

    /** The generation a database created now takes: one more than any of the stack's, retired ones included. */
    public int nextGeneration() {
        return databases.stream().mapToInt(p -> DatabaseInstances.generation(p.db())).max().orElse(0) + 1;
    }

    /** {@link DatabaseRoles#identifier} of {@link #nextGeneration()}. */
    public String nextIdentifier() {
        return DatabaseRoles.identifier(spec, nextGeneration());
    }

    private Optional<Placed> newest(String role, RegionRole in) {
        return live().filter(p -> role.equals(DatabaseInstances.role(p.db())))
                .filter(p -> in == null || p.regionRole() == in)
                .max(Comparator.comparingInt(p -> DatabaseInstances.generation(p.db())));
    }

    /** Every database but those being deleted (their identifiers stay taken until gone: {@link #nextGeneration}). */
    private java.util.stream.Stream<Placed> live() {
        return databases.stream().filter(p -> !DatabaseInstances.DELETING.equals(p.db().dbInstanceStatus()));
    }

    public static RegionRole other(RegionRole role) {
        return role == RegionRole.PRIMARY ? RegionRole.DR : RegionRole.PRIMARY;
    }
}
