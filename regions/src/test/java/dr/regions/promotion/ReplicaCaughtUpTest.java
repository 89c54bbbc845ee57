package dr.regions.promotion;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBInstanceStatusInfo;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The one "caught up" decision of a failback, on what RDS shows (replication status) until CloudWatch's lag replaces it. */
class ReplicaCaughtUpTest {
    private static final Instant FROZEN = Instant.parse("2026-01-01T10:00:00Z");

    private static DBInstance replica(String replication) {
        return DBInstance.builder().dbInstanceIdentifier("dr-db-g3").dbInstanceStatus("available")
                .readReplicaSourceDBInstanceIdentifier("arn:aws:rds:us-west-2:123456789012:db:dr-db-replica")
                .statusInfos(DBInstanceStatusInfo.builder().statusType("read replication").status(replication)
                        .normal(!"error".equals(replication)).build())
                .build();
    }

    @Test
    void aReplicatingReplicaHasCaughtUpOnceWritesInFlightHadTimeToArrive() {
        assertThat(ReplicaCaughtUp.pending(null, "us-east-1", replica("replicating"), FROZEN, FROZEN.plusSeconds(10)))
                .hasValueSatisfying(why -> assertThat(why).contains("10 s since the freeze"));
        assertThat(ReplicaCaughtUp.pending(null, "us-east-1", replica("replicating"), FROZEN,
                FROZEN.plus(ReplicaCaughtUp.SETTLE))).isEmpty();
    }

    @Test
    void aReplicaThatIsNotReplicatingHasNotCaughtUpHoweverLongAgoTheFreezeWas() {
        assertThat(ReplicaCaughtUp.pending(null, "us-east-1", replica("error"), FROZEN, FROZEN.plusSeconds(3600)))
                .isPresent();
        assertThat(ReplicaCaughtUp.pending(null, "us-east-1", replica("stopped"), FROZEN, FROZEN.plusSeconds(3600)))
                .isPresent();
    }
}
