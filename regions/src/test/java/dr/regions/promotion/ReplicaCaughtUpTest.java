package dr.regions.promotion;

import dr.regions.database.DatabaseRoles;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceStatusInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one "caught up" decision of a failback: RDS says the replica is replicating, and CloudWatch's ReplicaLag, read
 * in the replica's region, reads 0 in a minute that began after the write freeze. In the sandbox a replica trails its
 * writer by a second while the application writes, and reads 0 once the app load balancer answers every request
 * itself (the freeze).
 */
class ReplicaCaughtUpTest {
    private static final Instant FROZEN = Instant.parse("2026-01-01T10:00:00Z");

    private final InMemoryCloud cloud = ReadyStack.cloud();
    private final String replica = ReadyStack.spec().name(DatabaseRoles.REPLICA_NAME);

    private static DBInstance replica(String replication) {
        return DBInstance.builder().dbInstanceIdentifier("dr-db-g3").dbInstanceStatus("available")
                .readReplicaSourceDBInstanceIdentifier("arn:aws:rds:us-west-2:123456789012:db:dr-db-replica")
                .statusInfos(DBInstanceStatusInfo.builder().statusType("read replication").status(replication)
                        .normal(!"error".equals(replication)).build())
                .build();
    }

    private Optional<String> pendingAfter(Duration wait, Instant frozenAt) {
        cloud.world().clock().advance(wait);
        DBInstance db = cloud.rds(ReadyStack.DR).describeDBInstances(r -> r.dbInstanceIdentifier(replica))
                .dbInstances().get(0);
        return ReplicaCaughtUp.pending(cloud, ReadyStack.DR, db, frozenAt, cloud.world().time());
    }

    @Test
    void whileTheApplicationWritesTheReplicaTrailsAndHasNotCaughtUp() {
        Optional<String> pending = pendingAfter(Duration.ofMinutes(10), cloud.world().time());

        assertThat(pending).hasValueSatisfying(why -> assertThat(why).containsAnyOf("waiting for a ReplicaLag",
                "behind after the freeze"));
        assertThat(pendingAfter(Duration.ofMinutes(10), cloud.world().time().minus(Duration.ofMinutes(5))))
                .hasValueSatisfying(why -> assertThat(why).contains("1 s behind after the freeze"));
    }

    @Test
    void onceWritesAreFrozenAReadingTakenAfterTheFreezeReadsZero() {
        pendingAfter(Duration.ofMinutes(5), cloud.world().time());
        new WriteFreeze(new PromotionTarget(cloud, ReadyStack.spec(), ReadyStack.PRIMARY, Optional.empty()))
                .freeze("failback");
        Instant frozenAt = cloud.world().time();

        assertThat(pendingAfter(Duration.ofSeconds(10), frozenAt)).as("no datapoint since the freeze yet")
                .hasValueSatisfying(why -> assertThat(why).contains("waiting for a ReplicaLag reading"));
        assertThat(pendingAfter(Duration.ofMinutes(2), frozenAt)).isEmpty();
    }

    @Test
    void aReplicaThatIsNotReplicatingHasNotCaughtUpHoweverLongAgoTheFreezeWas() {
        assertThat(ReplicaCaughtUp.pending(null, "us-east-1", replica("error"), FROZEN, FROZEN.plusSeconds(3600)))
                .isPresent();
        assertThat(ReplicaCaughtUp.pending(null, "us-east-1", replica("stopped"), FROZEN, FROZEN.plusSeconds(3600)))
                .isPresent();
    }
}
