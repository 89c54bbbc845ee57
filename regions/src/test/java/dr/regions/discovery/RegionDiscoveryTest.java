package dr.regions.discovery;

import dr.regions.discovery.RegionDiscovery.StackLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionDiscoveryTest {
    private static final List<String> CANDIDATES = List.of("eu-west-1", StackWorld.DR, StackWorld.PRIMARY, "ap-south-1");

    private final StackWorld world = StackWorld.create();

    @Test
    void theStackIsFoundInTheRegionsWhereItsVpcsAreWithTheRoleEachPlays() {
        StackLocation location = new RegionDiscovery(world.cloud, StackWorld.STACK).locate(CANDIDATES);
        assertThat(location.found()).isTrue();
        assertThat(location.primary()).contains(StackWorld.PRIMARY);
        assertThat(location.dr()).contains(StackWorld.DR);
        assertThat(location.regions()).containsExactly(StackWorld.DR, StackWorld.PRIMARY);
        assertThat(location.unreachable()).isEmpty();
    }

    @Test
    void aStackThatDoesNotExistIsNotFoundAndAnUntaggedVpcDoesNotCount() {
        StackLocation location = new RegionDiscovery(world.cloud, "ghost").locate(CANDIDATES);
        assertThat(location.found()).isFalse();
        assertThat(location.primary()).isEmpty();
        assertThat(location.dr()).isEmpty();
    }

    @Test
    void oneDescribeVpcsPerCandidateRegionAndNothingElse() {
        new RegionDiscovery(world.cloud, StackWorld.STACK).locate(CANDIDATES);
        assertThat(world.cloud.world().calls().byOperation()).containsOnlyKeys("ec2:DescribeVpcs");
        assertThat(world.cloud.world().calls().total()).isEqualTo(CANDIDATES.size());
    }

    @Test
    void anUnreachableRegionIsReportedAndTheOthersAreStillScanned() {
        world.cloud.world().faults().regionUnreachable(StackWorld.PRIMARY);
        StackLocation location = new RegionDiscovery(world.cloud, StackWorld.STACK).locate(CANDIDATES);
        assertThat(location.unreachable()).containsOnlyKeys(StackWorld.PRIMARY);
        assertThat(location.dr()).contains(StackWorld.DR);
        assertThat(location.primary()).isEmpty();
    }
}
