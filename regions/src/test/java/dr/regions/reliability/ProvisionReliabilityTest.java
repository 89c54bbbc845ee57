package dr.regions.reliability;

import dr.core.report.ProvisionReport;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.StackInventory;
import dr.regions.discovery.StackResource;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.regions.provision.ProvisionFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provisioning under faults, each scenario printing its figure in the test output. */
class ProvisionReliabilityTest {

    @Test
    void aCrashAtEveryMutatingCallThenAReRunConvergesWithNoDuplicatesOrOrphans() {
        ProvisionFixture reference = new ProvisionFixture();
        assertThat(reference.provision(ProvisionFixture.defaultSpec()).succeeded()).isTrue();
        Map<String, Integer> expected = Census.of(reference.cloud().world());
        Map<String, String> expectedZones = subnetZones(reference);
        int sharedRoles = sharedRoles(reference);
        long crashPoints = reference.cloud().world().calls().mutating();

        int converged = 0;
        int duplicates = 0;
        int orphans = 0;
        for (long crashAt = 1; crashAt <= crashPoints; crashAt++) {
            ProvisionFixture run = new ProvisionFixture();
            run.cloud().world().faults().crashAtMutatingCall(crashAt, Faults.CrashPoint.AFTER_CALL);
            assertThatThrownBy(() -> run.provision(ProvisionFixture.defaultSpec())).isInstanceOf(SimulatedCrash.class);
            run.cloud().world().faults().noCrash();

            ProvisionReport resumed = run.provision(ProvisionFixture.defaultSpec());

            Map<String, Integer> census = Census.of(run.cloud().world());
            assertThat(subnetZones(run)).as("subnet zones after a crash at mutating call %d", crashAt)
                    .isEqualTo(expectedZones);
            int runDuplicates = sharedRoles(run) - sharedRoles;
            int runOrphans = Math.max(0, Census.total(census) - Census.total(expected) - runDuplicates);
            duplicates += runDuplicates;
            orphans += runOrphans;
            if (resumed.succeeded() && census.equals(expected)) {
                converged++;
            } else {
                assertThat(census).as("resources after a crash at mutating call %d", crashAt).isEqualTo(expected);
            }
        }
        System.out.printf("RELIABILITY provision crash at every mutating call: %d/%d converged, %d duplicates, "
                + "%d orphans%n", converged, crashPoints, duplicates, orphans);
        assertThat(converged).isEqualTo((int) crashPoints);
        assertThat(duplicates).isZero();
        assertThat(orphans).isZero();
    }

    @Test
    void throttlingOnAFifthOfAllCallsStillProvisionsEverything() {
        ProvisionFixture fixture = new ProvisionFixture();
        fixture.cloud().world().faults().throttle(0.2, 20261122);

        ProvisionReport report = fixture.provision(ProvisionFixture.defaultSpec());

        long throttledRetries = report.result().outcomes().stream().mapToLong(o -> o.attempts() - 1L).sum();
        System.out.printf("RELIABILITY provision with 20%% of calls throttled: %s, %d steps, %d retries%n",
                report.succeeded() ? "succeeded" : "FAILED", report.result().outcomes().size(), throttledRetries);
        assertThat(report.result().failed()).isEmpty();
        assertThat(throttledRetries).as("throttling really happened").isPositive();
    }

    @Test
    void aMissOnEveryFirstDescribeAfterACreateStillProvisionsWithoutDuplicates() {
        ProvisionFixture fixture = new ProvisionFixture();
        fixture.cloud().world().faults().eventualConsistency(true);

        ProvisionReport report = fixture.provision(ProvisionFixture.defaultSpec());
        fixture.cloud().world().faults().eventualConsistency(false);

        ProvisionFixture reference = referenceRun();
        int duplicates = sharedRoles(fixture) - sharedRoles(reference);
        assertThat(Census.of(fixture.cloud().world())).isEqualTo(Census.of(reference.cloud().world()));
        System.out.printf("RELIABILITY provision with eventual consistency: %s, %d duplicates%n",
                report.succeeded() ? "succeeded" : "FAILED", duplicates);
        assertThat(report.result().failed()).isEmpty();
        assertThat(duplicates).isZero();
    }

    private static ProvisionFixture referenceRun() {
        ProvisionFixture reference = new ProvisionFixture();
        reference.provision(ProvisionFixture.defaultSpec());
        return reference;
    }

    /**
     * Stack resources sharing a region, kind and role with another (ASG instances legitimately do). More of them
     * than a straight run has means duplicates.
     */
    private static int sharedRoles(ProvisionFixture fixture) {
        Inventory inventory = new StackInventory(fixture.cloud(), "dr")
                .scan(List.of(ProvisionFixture.PRIMARY, ProvisionFixture.DR));
        Map<String, Long> byRole = inventory.resources().stream()
                .filter(r -> r.role() != null)
                .collect(Collectors.groupingBy(ProvisionReliabilityTest::identity, Collectors.counting()));
        return byRole.values().stream().mapToInt(count -> (int) (count - 1)).sum();
    }

    /** Each subnet's zone by region and role: a resumed run keeps the zones its first part chose. */
    private static Map<String, String> subnetZones(ProvisionFixture fixture) {
        Map<String, String> zones = new java.util.TreeMap<>();
        for (String region : List.of(ProvisionFixture.PRIMARY, ProvisionFixture.DR)) {
            fixture.cloud().ec2(region).describeSubnets().subnets().forEach(subnet -> zones.put(region + "/"
                    + subnet.tags().stream().filter(t -> t.key().equals("dr:role")).findFirst().orElseThrow().value(),
                    subnet.availabilityZone()));
        }
        return zones;
    }

    private static String identity(StackResource resource) {
        return resource.region() + "/" + resource.kind() + "/" + resource.role();
    }
}
