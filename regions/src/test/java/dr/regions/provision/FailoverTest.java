package dr.regions.provision;

import dr.regions.inmemory.InMemoryCloud;
import dr.regions.readiness.ReadyStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FailoverTest {
    @Test
    void aStackIsFailedOverOnceItsDrReplicaIsPromotedAndNotBefore() {
        InMemoryCloud cloud = ReadyStack.cloud();
        assertThat(Failover.read(ReadyStack.spec(), cloud)).isEqualTo(Failover.NONE);

        cloud.rds(ReadyStack.DR).promoteReadReplica(r -> r.dbInstanceIdentifier("dr-db-replica")
                .backupRetentionPeriod(7));
        assertThat(Failover.read(ReadyStack.spec(), cloud)).as("still a replica while RDS promotes it")
                .isEqualTo(Failover.NONE);
        cloud.world().clock().advance(Duration.ofMinutes(30));

        assertThat(Failover.read(ReadyStack.spec(), cloud)).isEqualTo(Failover.PROMOTED);
    }

    @Test
    void aStackWithoutADrDatabaseIsNotFailedOver() {
        assertThat(Failover.read(ReadyStack.spec(), new InMemoryCloud())).isEqualTo(Failover.NONE);
    }

    @Test
    void onceFailedOverDrKeepsThePrimarysCapacity() {
        var spec = ReadyStack.spec();

        assertThat(Failover.PROMOTED.apply(spec).drCapacity()).isEqualTo(spec.primaryCapacity());
        assertThat(Failover.NONE.apply(spec)).isEqualTo(spec);
    }
}
