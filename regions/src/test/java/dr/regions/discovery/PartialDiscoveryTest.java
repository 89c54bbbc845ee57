package dr.regions.discovery;

import dr.core.model.Regions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AWS answering one list or describe with an error costs discovery only that kind of resource: it is named "not
 * verified" with the AWS error, and everything else is still found. The errors here carry an HTTP status and nothing
 * else (no code, no message), as the SDK raises them for an empty error body.
 */
class PartialDiscoveryTest {
    private final StackWorld world = StackWorld.create();
    private final Inventory full = world.inventory(StackWorld.STACK);

    private Inventory scanWith(String service, String operation, String region, int status) {
        world.cloud.world().faults().bareError(service, operation, region, status);
        return world.inventory(StackWorld.STACK);
    }

    private static List<StackResource> without(Inventory inventory, ResourceKind kind, String region) {
        return inventory.resources().stream().filter(r -> !(r.kind() == kind && r.region().equals(region))).toList();
    }

    @Test
    void vaultsWhoseRecoveryPointsAnswer404LeaveOnlyThemNotVerified() {
        Inventory inventory = scanWith("backup", "ListRecoveryPointsByBackupVault", StackWorld.DR, 404);

        assertThat(inventory.complete()).isFalse();
        assertThat(inventory.unreachable()).isEmpty();
        assertThat(inventory.notVerified()).as("one entry per vault of the stack in DR")
                .hasSize(inventory.ofKind(ResourceKind.BACKUP_VAULT, StackWorld.DR).size()).allSatisfy(entry -> {
            assertThat(entry.region()).isEqualTo(StackWorld.DR);
            assertThat(entry.kinds()).containsExactly(ResourceKind.RECOVERY_POINT);
            assertThat(entry.scope()).startsWith("vault ");
            assertThat(entry.error().operation()).isEqualTo("ListRecoveryPointsByBackupVault");
            assertThat(entry.error().status()).isEqualTo(404);
            assertThat(entry.describe()).contains(StackWorld.DR, "AWS::Backup::RecoveryPoint", "not verified",
                    "Backup ListRecoveryPointsByBackupVault: HTTP 404, no code: no message").doesNotContain("null");
        });
        assertThat(inventory.ofKind(ResourceKind.RECOVERY_POINT, StackWorld.DR)).isEmpty();
        assertThat(inventory.verified(ResourceKind.RECOVERY_POINT, StackWorld.DR)).isFalse();
        assertThat(inventory.verified(ResourceKind.RECOVERY_POINT, StackWorld.PRIMARY)).isTrue();
        assertThat(inventory.resources()).as("everything else, the DR vault included")
                .containsExactlyInAnyOrderElementsOf(without(full, ResourceKind.RECOVERY_POINT, StackWorld.DR));
        assertThat(inventory.ofKind(ResourceKind.BACKUP_VAULT, StackWorld.DR)).isNotEmpty();
    }

    @Test
    void aFailingDescribeInOneRegionCostsThatKindThereAndNothingElse() {
        Inventory inventory = scanWith("ec2", "DescribeNatGateways", StackWorld.PRIMARY, 500);

        assertThat(inventory.notVerified()).singleElement().satisfies(entry -> {
            assertThat(entry.kinds()).containsExactly(ResourceKind.NAT_GATEWAY);
            assertThat(entry.region()).isEqualTo(StackWorld.PRIMARY);
        });
        assertThat(inventory.resources())
                .containsExactlyInAnyOrderElementsOf(without(full, ResourceKind.NAT_GATEWAY, StackWorld.PRIMARY));
        assertThat(inventory.gaps()).singleElement().asString().contains("AWS::EC2::NatGateway",
                "Ec2 DescribeNatGateways: HTTP 500, no code: no message", "request id");
        assertThat(inventory.toJson().at("/notVerified/0/error/operation").asText())
                .isEqualTo("DescribeNatGateways");
        assertThat(inventory.toJson().at("/notVerified/0/error/status").asInt()).isEqualTo(500);
        assertThat(inventory.toJson().toString()).doesNotContain("null");
    }

    @Test
    void aGlobalServiceErrorCostsOnlyItsKinds() {
        Inventory inventory = scanWith("cloudfront", "ListDistributions", null, 403);

        assertThat(inventory.notVerified()).singleElement().satisfies(entry -> {
            assertThat(entry.region()).isEqualTo(StackResource.GLOBAL);
            assertThat(entry.kinds()).containsExactly(ResourceKind.DISTRIBUTION);
        });
        assertThat(inventory.ofKind(ResourceKind.WEB_ACL)).isNotEmpty();
        assertThat(inventory.ofKind(ResourceKind.HOSTED_ZONE)).isNotEmpty();
        assertThat(inventory.in(StackWorld.DR)).isEqualTo(full.in(StackWorld.DR));
    }

    @Test
    void throttlingIsNotSwallowedButLeftToTheCallersRetries() {
        world.cloud.world().faults().throttle(1.0, 1);

        assertThatThrownBy(() -> world.inventory(StackWorld.STACK)).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.isThrottlingException()).isTrue());
    }

    @Test
    void aRegionThatCannotBeReachedIsStillUnreachableNotNotVerified() {
        world.cloud.world().faults().regionUnreachable(StackWorld.DR);

        Inventory inventory = world.inventory(StackWorld.STACK);

        assertThat(inventory.unreachable()).containsKey(StackWorld.DR);
        assertThat(inventory.notVerified()).isEmpty();
        assertThat(inventory.in(StackWorld.PRIMARY)).isEqualTo(full.in(StackWorld.PRIMARY));
        assertThat(Regions.GLOBAL_EDGE).isNotEqualTo(StackWorld.DR);
    }
}
