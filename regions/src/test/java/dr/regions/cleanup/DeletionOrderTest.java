package dr.regions.cleanup;

import dr.core.engine.Plan;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.model.Regions;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.discovery.StackWorld;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan encodes the order AWS needs: each assertion names a refusal AWS would answer otherwise. */
class DeletionOrderTest {
    private static final String PRIMARY = StackWorld.PRIMARY;
    private static final String DR = StackWorld.DR;
    private static final String GLOBAL = StackResource.GLOBAL;

    private final StackWorld world = StackWorld.create();
    private final Plan plan = new Cleanup(StackWorld.STACK, StackWorld.REGIONS, world.cloud,
            world.cloud.world().clock(), CleanupOptions.defaults()).plan().plan();

    private StepKey key(String region, String role) {
        StepKey key = StepKey.of(region, role);
        assertThat(plan.contains(key)).as("plan has %s", key).isTrue();
        return key;
    }

    private List<StepKey> keys(String region, ResourceKind kind) {
        List<StepKey> keys = plan.steps().stream()
                .filter(s -> s.key().region().equals(region) && s.resourceType().equals(kind.awsType()))
                .map(Step::key).toList();
        assertThat(keys).as("%s steps in %s", kind, region).isNotEmpty();
        return keys;
    }

    private void assertAfter(StepKey later, StepKey... earlier) {
        Set<StepKey> before = plan.transitiveDependencies(later);
        assertThat(before).as("%s waits for", later).contains(earlier);
    }

    private void assertAfter(StepKey later, List<StepKey> earlier) {
        assertAfter(later, earlier.toArray(StepKey[]::new));
    }

    @Test
    void loadBalancingGoesRulesThenListenersThenTheAlbThenItsTargetGroup() {
        for (String region : StackWorld.REGIONS) {
            assertAfter(key(region, "x-listener-http"), key(region, "x-rule-region"));
            assertAfter(key(region, "x-alb"), key(region, "x-listener-http"), key(region, "x-listener-https"));
            assertAfter(key(region, "x-tg"), key(region, "x-alb"), key(region, "x-asg"));
        }
    }

    @Test
    void autoScalingGroupsGoBeforeTheirLaunchTemplatesAndTheirInstancesBeforeSubnets() {
        for (String region : StackWorld.REGIONS) {
            assertAfter(key(region, "x-lt"), key(region, "x-asg"));
            assertAfter(key(region, "subnet-web-a"), key(region, "x-asg"), key(region, "x-bastion"));
        }
    }

    @Test
    void theEdgeGoesDistributionFirstThenWebAclAndCertificates() {
        StepKey distribution = key(GLOBAL, "x-distribution");
        assertAfter(key(GLOBAL, "x-waf"), distribution);
        assertAfter(key(Regions.GLOBAL_EDGE, "edge-certificate"), distribution, key(PRIMARY, "x-listener-https"));
        assertAfter(key(DR, "alb-certificate"), key(DR, "x-listener-https"));
        assertAfter(key(GLOBAL, "x-health-check"), keys(GLOBAL, ResourceKind.RECORD_SET));
        for (StepKey zone : keys(GLOBAL, ResourceKind.HOSTED_ZONE)) {
            assertThat(plan.transitiveDependencies(zone))
                    .anyMatch(k -> plan.step(k).resourceType().equals(ResourceKind.RECORD_SET.awsType()));
        }
    }

    @Test
    void theReplicaGoesBeforeThePrimaryAndBothBeforeTheirSubnetGroups() {
        StepKey replica = key(DR, "db-replica");
        StepKey primary = key(PRIMARY, "db-primary");
        assertAfter(primary, replica);
        assertThat(plan.transitiveDependencies(replica)).doesNotContain(primary);
        assertAfter(key(PRIMARY, "db-subnet-group"), primary);
        assertAfter(key(DR, "db-subnet-group"), replica);
    }

    @Test
    void backupGoesSelectionPlanRecoveryPointsThenVault() {
        for (String region : StackWorld.REGIONS) {
            assertAfter(key(region, "x-plan"), key(region, "x-plan-selection"));
            List<StepKey> points = keys(region, ResourceKind.RECOVERY_POINT).stream()
                    .filter(k -> "dr-x-vault".equals(((DeletionStep) plan.step(k)).resource().attribute("vault")))
                    .toList();
            assertThat(points).isNotEmpty();
            assertAfter(key(region, "x-vault"), points);
            for (StepKey point : points) {
                assertAfter(point, key(PRIMARY, "x-plan"), key(DR, "x-plan"));
            }
        }
        assertThat(plan.transitiveDependencies(key(DR, "x-vault")))
                .filteredOn(k -> plan.step(k).resourceType().equals(ResourceKind.RECOVERY_POINT.awsType()))
                .as("own backup and the copy from the primary").hasSize(2);
    }

    @Test
    void amisGoBeforeTheirSnapshots() {
        for (String region : StackWorld.REGIONS) {
            for (StepKey snapshot : keys(region, ResourceKind.SNAPSHOT)) {
                assertAfter(snapshot, keys(region, ResourceKind.IMAGE));
            }
        }
    }

    @Test
    void theNetworkGoesNatThenAddressAndGatewayThenSubnetsGroupsAndTheVpcLast() {
        for (String region : StackWorld.REGIONS) {
            StepKey nat = key(region, "nat-a");
            assertAfter(key(region, "eip-nat-a"), nat);
            assertAfter(key(region, "igw"), nat, key(region, "eip-nat-a"), key(region, "x-alb"),
                    key(region, "x-bastion"));
            for (StepKey group : keys(region, ResourceKind.SECURITY_GROUP)) {
                assertAfter(group, key(region, SecurityGroupReferences.ROLE), key(region, "x-alb"),
                        key(region, "x-bastion"));
            }
            assertAfter(key(region, "sg-db"), key(region, region.equals(PRIMARY) ? "db-primary" : "db-replica"));
            StepKey vpc = key(region, "vpc");
            assertAfter(vpc, keys(region, ResourceKind.SUBNET));
            assertAfter(vpc, keys(region, ResourceKind.SECURITY_GROUP));
            assertAfter(vpc, keys(region, ResourceKind.ROUTE_TABLE));
            assertAfter(vpc, key(region, "igw"));
            assertThat(plan.dependents(vpc)).isEmpty();
        }
    }
}
