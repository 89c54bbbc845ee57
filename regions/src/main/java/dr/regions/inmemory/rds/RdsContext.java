package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.RdsState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RdsState.DbSnapshot;
import dr.regions.inmemory.world.RdsState.DbSubnetGroup;
import dr.regions.inmemory.world.ServiceRegion;
import dr.regions.inmemory.world.World;

/** One region's RDS as the operation classes see it: the world, the region, its state, ARNs and default keys. */
final class RdsContext extends ServiceRegion<RdsState> {
    RdsContext(World world, String region) {
        super(world, region, services -> services.rds);
    }

    /** Brings every region's RDS up to the modeled clock (deletes that finished, promotions that completed). */
    void settle() {
        RdsLifecycle.settle(world);
    }

    String arn(String type, String name) {
        return world.arn("rds", region, type + ":" + name);
    }

    /** A DB instance of this region, by identifier or ARN; DBInstanceNotFound otherwise. */
    DbInstance instance(String identifierOrArn) {
        if (identifierOrArn == null || identifierOrArn.isBlank()) {
            throw RdsErrors.missingParameter("DBInstanceIdentifier");
        }
        String identifier = identifierOrArn;
        RdsArn arn = RdsArn.parse(identifierOrArn);
        if (arn != null) {
            if (!arn.region().equals(region) || !arn.type().equals("db")) {
                throw RdsErrors.instanceNotFound(identifierOrArn);
            }
            identifier = arn.name();
        }
        DbInstance instance = state.instances.get(identifier.toLowerCase());
        if (instance == null) {
            throw RdsErrors.instanceNotFound(identifierOrArn);
        }
        return instance;
    }

    DbSubnetGroup subnetGroup(String name) {
        DbSubnetGroup group = name == null ? null : state.subnetGroups.get(name.toLowerCase());
        if (group == null) {
            throw RdsErrors.subnetGroupNotFound(name);
        }
        return group;
    }

    DbSnapshot snapshot(String identifier) {
        DbSnapshot snapshot = identifier == null ? null : state.snapshots.get(identifier.toLowerCase());
        if (snapshot == null) {
            throw RdsErrors.snapshotNotFound(identifier);
        }
        return snapshot;
    }

    String state(DbInstance instance) {
        return instance.timeline.stateAt(now());
    }

    String endpointSuffix() {
        if (state.endpointSuffix == null) {
            state.endpointSuffix = world.ids.hex(12);
        }
        return state.endpointSuffix;
    }

    String defaultRdsKeyArn() {
        if (state.defaultRdsKeyArn == null) {
            state.defaultRdsKeyArn = world.arn("kms", region, "key/" + world.ids.uuid());
        }
        return state.defaultRdsKeyArn;
    }

    String defaultSecretsKeyArn() {
        if (state.defaultSecretsKeyArn == null) {
            state.defaultSecretsKeyArn = world.arn("kms", region, "key/" + world.ids.uuid());
        }
        return state.defaultSecretsKeyArn;
    }

    /**
     * A KMS key identifier (key ARN, key id, alias ARN or alias name) as the key ARN RDS reports. KMS keys are
     * regional: a key ARN of another region does not exist here (RDS: KMSKeyNotAccessibleFault).
     */
    String resolveKmsKey(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return null;
        }
        if (keyId.startsWith("arn:")) {
            String[] parts = keyId.split(":", 6);
            if (parts.length < 6 || !parts[2].equals("kms") || !parts[3].equals(region)) {
                throw RdsErrors.kmsKeyNotAccessible(keyId);
            }
            return parts[5].equals("alias/aws/rds") ? defaultRdsKeyArn() : keyId;
        }
        if (keyId.equals("alias/aws/rds")) {
            return defaultRdsKeyArn();
        }
        if (keyId.startsWith("alias/")) {
            return world.arn("kms", region, keyId);
        }
        return world.arn("kms", region, "key/" + keyId);
    }

    /** The secret RDS creates for a managed master password: {@code rds!db-<uuid>} plus Secrets Manager's suffix. */
    String newMasterUserSecretArn() {
        return world.arn("secretsmanager", region, "secret:rds!db-" + world.ids.uuid() + "-" + world.ids.hex(6));
    }
}
