package dr.regions.inmemory;

import dr.regions.inmemory.backup.RecoveryPointDeletions;
import dr.regions.inmemory.rds.RdsLifecycle;
import dr.regions.inmemory.rds.ReplicationLagModel;
import dr.regions.inmemory.route53.HealthCheckSampler;
import dr.regions.inmemory.world.World;

/**
 * What happens in the cloud by itself as modeled time passes, brought up to date before every call:
 * finished RDS deletions and promotions take effect (releasing what they used), AWS Backup's recovery-point
 * deletions finish, read replicas publish their lag, and Route 53's health
 * checkers take their samples. State changes only through calls, so doing this just before each call is exact.
 */
final class WorldClockwork {
    private WorldClockwork() {
    }

    static void catchUp(World world) {
        RdsLifecycle.settle(world);
        RecoveryPointDeletions.settle(world);
        ReplicationLagModel.sample(world);
        HealthCheckSampler.sample(world);
    }
}
