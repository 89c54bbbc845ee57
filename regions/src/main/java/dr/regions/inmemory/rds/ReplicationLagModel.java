package dr.regions.inmemory.rds;

import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RdsState.LagSample;
import dr.regions.inmemory.world.RdsState.ReplicaLag;
import dr.regions.inmemory.world.RegionState;
import dr.regions.inmemory.world.World;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * How far each cross-region read replica is behind its source, and the one-minute {@code ReplicaLag} datapoints RDS
 * publishes for it in the replica's region (AWS/RDS, dimension DBInstanceIdentifier). Brought up to date before every
 * call, like {@link RdsLifecycle}: state and faults only change through calls, so every minute since the last call
 * saw the same conditions.
 *
 * <p>The model: normally the replica applies what its source writes within {@link #STEADY_SECONDS}, and reads 0 once
 * it has applied everything while the application writes nothing ({@link ApplicationWrites}: a write freeze); while the
 * source's region is {@link Faults#primaryLoaded loaded} or the network between the regions is
 * {@link Faults#networkDegraded degraded}, it falls further behind each minute, and once the stress ends it catches
 * up at {@link #CATCH_UP_PER_MINUTE}. While the source cannot be reached (its region down, or the source gone)
 * replication is not active: "If the ReplicaLag metric returns -1, then replication is currently not active"
 * (RDS User Guide, "Monitoring MySQL read replication lag",
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_MySQL.Replication.ReadReplicas.Monitor.html), and the
 * replica falls behind by the time that passes. An instance that is not a replica has no datapoints at all.
 */
public final class ReplicationLagModel {
    static final double STEADY_SECONDS = 1;
    static final double LOADED_PER_MINUTE = 20;
    static final double DEGRADED_PER_MINUTE = 45;
    static final double CATCH_UP_PER_MINUTE = 30;
    static final double NOT_ACTIVE = -1;
    /** Datapoints kept per replica: one day of minutes (CloudWatch keeps one-minute data for 15 days). */
    static final int KEPT = 24 * 60;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private ReplicationLagModel() {
    }

    public static void sample(World world) {
        Instant now = world.time().truncatedTo(ChronoUnit.MINUTES);
        for (RegionState region : world.regions.values()) {
            for (DbInstance instance : region.rds.instances.values()) {
                if (instance.replicationSourceArn == null || !instance.timeline.reached("available", world.time())) {
                    continue;
                }
                sample(world, instance, now);
            }
        }
    }

    private static void sample(World world, DbInstance replica, Instant now) {
        ReplicaLag lag = replica.replicaLag;
        if (lag == null) {
            lag = new ReplicaLag();
            lag.seconds = STEADY_SECONDS;
            lag.sampledUntil = replica.timeline.enteredAt("available").truncatedTo(ChronoUnit.MINUTES).minus(MINUTE);
            replica.replicaLag = lag;
        }
        long minutes = Duration.between(lag.sampledUntil, now).toMinutes();
        if (minutes <= 0) {
            return;
        }
        Instant first = lag.sampledUntil.plus(MINUTE);
        if (minutes > KEPT) {
            first = now.minus(MINUTE.multipliedBy(KEPT - 1));
            minutes = KEPT;
        }
        DbInstance source = RdsLifecycle.find(world, replica.replicationSourceArn);
        String sourceRegion = RdsArn.parse(replica.replicationSourceArn).region();
        String replicaRegion = RdsArn.parse(replica.arn).region();
        Faults faults = world.faults();
        boolean active = source != null && !faults.isUnreachable(sourceRegion);
        double growth = (faults.isLoaded(sourceRegion) ? LOADED_PER_MINUTE : 0)
                + (faults.isNetworkDegraded(sourceRegion, replicaRegion) ? DEGRADED_PER_MINUTE : 0);
        double floor = active && ApplicationWrites.stopped(world, sourceRegion, source) ? 0 : STEADY_SECONDS;
        for (long i = 0; i < minutes; i++) {
            if (!active) {
                lag.seconds += MINUTE.toSeconds();
            } else if (growth > 0) {
                lag.seconds += growth;
            } else {
                lag.seconds = Math.max(floor, lag.seconds - CATCH_UP_PER_MINUTE);
            }
            lag.samples.add(new LagSample(first.plus(MINUTE.multipliedBy(i)), active ? lag.seconds : NOT_ACTIVE));
        }
        List<LagSample> samples = lag.samples;
        if (samples.size() > KEPT) {
            samples.subList(0, samples.size() - KEPT).clear();
        }
        lag.sampledUntil = now;
    }
}
