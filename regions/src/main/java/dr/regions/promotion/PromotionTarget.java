package dr.regions.promotion;

import dr.core.model.Capacity;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.dns.PrivateZoneStep;
import dr.core.DrException;
import dr.regions.database.DatabaseInstances;
import dr.regions.step.Deleting;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.List;

import java.util.Objects;
import java.util.Optional;

/**
 * What promotion works on: the DR region (the only region it calls), the stack's settings (names, internal zone,
 * domain, the primary's capacity DR is scaled to), and the primary region when known, which is only ever written
 * in the report: promotion must work while every call to it would fail.
 */
public record PromotionTarget(AwsClients clients, StackSpec settings, String drRegion, Optional<String> primaryRegion) {

    public PromotionTarget {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(drRegion, "drRegion");
        primaryRegion = primaryRegion == null ? Optional.empty() : primaryRegion;
    }

    public String stack() {
        return settings.stack();
    }

    /**
     * The database promotion works on, by its role in the region ({@link DatabaseInstances}): the region's read
     * replica, or once promoted (it keeps its identifier and endpoint) the region's writer.
     */
    public Optional<DBInstance> database() {
        List<DBInstance> databases = DatabaseInstances.ofStack(clients.rds(drRegion), stack(), Deleting.PRESENT);
        return DatabaseInstances.replica(databases).or(() -> DatabaseInstances.writer(databases));
    }

    /** {@link #database()}, which must be there. */
    public DBInstance requireDatabase() {
        return database().orElseThrow(() -> DrException.failed("stack " + stack() + " has no database in "
                + drRegion + " to promote"));
    }

    public Capacity primaryCapacity() {
        return settings.primaryCapacity();
    }

    /** The CallerReference prefix provisioning gives the DR region's private zone ({@link PrivateZoneStep}). */
    String privateZoneCallerPrefix() {
        return "dr/" + stack() + "/" + drRegion + "/" + PrivateZoneStep.ROLE + "/";
    }
}
