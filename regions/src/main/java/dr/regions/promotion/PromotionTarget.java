package dr.regions.promotion;

import dr.core.model.Capacity;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.dns.PrivateZoneStep;
import dr.regions.database.DatabaseRoles;

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

    /** {@code <stack>-db-replica}: the replica keeps its identifier, and so its endpoint, when promoted. */
    public String databaseIdentifier() {
        return settings.name(DatabaseRoles.REPLICA_NAME);
    }

    public Capacity primaryCapacity() {
        return settings.primaryCapacity();
    }

    /** The CallerReference prefix provisioning gives the DR region's private zone ({@link PrivateZoneStep}). */
    String privateZoneCallerPrefix() {
        return "dr/" + stack() + "/" + drRegion + "/" + PrivateZoneStep.ROLE + "/";
    }
}
