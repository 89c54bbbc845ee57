package dr.core.engine;

import java.time.Duration;

import static dr.core.engine.FakeStep.step;

/**
 * A cut-down two-region provision: the database chain (VPC → subnet group → primary → cross-region replica, 35 min)
 * bounds the total; the image chain (ALB → backup → copy, 25 min) runs beside it.
 */
final class SampleTopology {
    static final String PRIMARY = "us-east-1";
    static final String DR = "us-west-2";

    private SampleTopology() {
    }

    static Plan plan() {
        FakeStep vpc = step(PRIMARY, "vpc");
        FakeStep dbSubnets = step(PRIMARY, "db-subnets").after(vpc);
        FakeStep subnetGroup = step(PRIMARY, "db-subnet-group").after(vpc, dbSubnets);
        FakeStep primaryDb = step(PRIMARY, "db-primary").after(subnetGroup).takes(Duration.ofMinutes(15));
        FakeStep nat = step(PRIMARY, "nat").after(vpc).takes(Duration.ofMinutes(2));
        FakeStep alb = step(PRIMARY, "alb").after(vpc).takes(Duration.ofMinutes(3));
        FakeStep backup = step(PRIMARY, "backup").after(alb).takes(Duration.ofMinutes(10));
        FakeStep drVpc = step(DR, "vpc");
        FakeStep drSubnetGroup = step(DR, "db-subnet-group").after(drVpc);
        FakeStep replica = step(DR, "db-replica").after(primaryDb, drSubnetGroup).takes(Duration.ofMinutes(20));
        FakeStep replicaDns = step(DR, "db-dns").after(replica);
        FakeStep copy = step(DR, "backup-copy").after(backup).takes(Duration.ofMinutes(12));
        FakeStep failoverDns = step(StepKey.GLOBAL, "api-failover").after(alb).takes(Duration.ofSeconds(60));
        return Plan.of(failoverDns, vpc, dbSubnets, subnetGroup, primaryDb, nat, alb, backup,
                drVpc, drSubnetGroup, replica, replicaDns, copy);
    }
}
