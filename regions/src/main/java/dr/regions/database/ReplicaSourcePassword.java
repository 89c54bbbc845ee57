package dr.regions.database;

import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Makes a writer fit to be a read replica's source as far as its master password goes: RDS makes no read replica of a
 * source whose master password it manages in Secrets Manager (RDS User Guide, "Limitations for Secrets Manager
 * integration with Amazon RDS"), and promote-replica gave the DR writer such a secret. One ModifyDBInstance turns the
 * management off with a password generated here, sent in the request body and forgotten ({@link MasterPassword}), as
 * provisioning does for the first primary; RDS then deletes the secret. Nothing connects with the master password: the
 * application uses IAM database authentication.
 */
public final class ReplicaSourcePassword {
    private ReplicaSourcePassword() {
    }

    /** True when RDS manages {@code db}'s master password. */
    public static boolean managed(DBInstance db) {
        return db.masterUserSecret() != null && db.masterUserSecret().secretArn() != null;
    }

    /** Requests the change (the caller waits until the instance is available again). */
    public static void release(RdsClient rds, DBInstance db) {
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier(db.dbInstanceIdentifier()).applyImmediately(true)
                .manageMasterUserPassword(false).masterUserPassword(MasterPassword.generate()));
    }
}
