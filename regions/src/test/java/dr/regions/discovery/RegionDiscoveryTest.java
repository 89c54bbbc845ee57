package dr.regions.discovery;

import dr.regions.discovery.RegionDiscovery.StackLocation;
import dr.core.model.Regions;
import dr.regions.inmemory.world.AccountRegions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

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
    void oneDescribeRegionsThenOneDescribeVpcsPerEnabledCandidateRegionAndNothingElse() {
        new RegionDiscovery(world.cloud, StackWorld.STACK).locate(CANDIDATES);
        assertThat(world.cloud.world().calls().byOperation()).containsOnlyKeys("ec2:DescribeRegions",
                "ec2:DescribeVpcs");
        assertThat(world.cloud.world().calls().total()).isEqualTo(1 + CANDIDATES.size());
    }

    /**
     * Every known region, as status, the drill and cleanup scan them: the opt-in regions a fresh account has not
     * enabled (af-south-1, ap-east-1, me-south-1, ...) are "not enabled", never "unreachable", and are not asked at
     * all, since DescribeRegions left them out (see OptInRegionsTest for the AWS sources).
     */
    @Test
    void optInRegionsTheAccountHasNotEnabledAreNotEnabledNotUnreachable() {
        StackLocation location = new RegionDiscovery(world.cloud, StackWorld.STACK)
                .locate(List.copyOf(new TreeSet<>(Regions.KNOWN)));

        assertThat(location.bothRegionsOrThrow().primary()).contains(StackWorld.PRIMARY);
        assertThat(location.unreachable()).isEmpty();
        assertThat(location.notEnabled()).containsExactlyInAnyOrderElementsOf(AccountRegions.optIn())
                .contains("af-south-1", "ap-east-1", "me-south-1");
        assertThat(location.everyRegionOrThrow()).containsExactlyInAnyOrder(StackWorld.PRIMARY, StackWorld.DR);
        assertThat(world.cloud.world().calls().all()).filteredOn(c -> c.operation().equals("DescribeVpcs"))
                .extracting(c -> c.region()).doesNotContainAnyElementsOf(AccountRegions.optIn());
    }

    @Test
    void withoutDescribeRegionsARegionRefusingWithAuthFailureIsStillNotEnabled() {
        world.cloud.world().faults().bareError("ec2", "DescribeRegions", null, 403);

        StackLocation location = new RegionDiscovery(world.cloud, StackWorld.STACK)
                .locate(List.copyOf(new TreeSet<>(Regions.KNOWN)));

        assertThat(location.unreachable()).isEmpty();
        assertThat(location.notEnabled()).containsExactlyInAnyOrderElementsOf(AccountRegions.optIn());
        assertThat(location.bothRegions()).isTrue();
        assertThat(world.cloud.world().calls().all()).filteredOn(c -> c.operation().equals("DescribeRegions"))
                .as("each default region asked in turn").hasSize(3);
    }

    @Test
    void anErrorWithoutACodeIsUnreachableNotNotEnabled() {
        world.cloud.world().faults().bareError("ec2", "DescribeVpcs", StackWorld.DR, 400);

        StackLocation location = new RegionDiscovery(world.cloud, StackWorld.STACK).locate(CANDIDATES);

        assertThat(location.unreachable()).containsOnlyKeys(StackWorld.DR);
        assertThat(location.notEnabled()).isEmpty();
    }

    @Test
    void anEnabledOptInRegionIsScanned() {
        AccountRegions.enable(world.cloud.world(), "ap-east-1");

        StackLocation location = new RegionDiscovery(world.cloud, StackWorld.STACK)
                .locate(List.of("ap-east-1", "af-south-1", StackWorld.PRIMARY, StackWorld.DR));

        assertThat(location.notEnabled()).containsExactly("af-south-1");
        assertThat(world.cloud.world().calls().all()).filteredOn(c -> c.operation().equals("DescribeVpcs"))
                .extracting(c -> c.region()).contains("ap-east-1");
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
