package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.NatGateway;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NatGatewayLifecycleTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");
    private final String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");

    @Test
    void aNatGatewayIsPendingThenAvailableAfterTheModeledTime() {
        attachedInternetGateway(vpcId);
        String allocation = elasticIp();
        NatGateway created = ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(allocation)
                .tagSpecifications(tags("natgateway", "dr:role", "nat-a"))).natGateway();
        assertThat(created.stateAsString()).isEqualTo("pending");
        assertThat(created.vpcId()).isEqualTo(vpcId);

        advance(ModeledDurations.NAT_GATEWAY.minusSeconds(1));
        assertThat(natState(created.natGatewayId())).isEqualTo("pending");
        advance(Duration.ofSeconds(1));

        NatGateway available = ec2.describeNatGateways(r -> r.filter(filter("tag:dr:role", "nat-a")))
                .natGateways().get(0);
        assertThat(available.stateAsString()).isEqualTo("available");
        assertThat(available.natGatewayAddresses()).singleElement().satisfies(a -> {
            assertThat(a.allocationId()).isEqualTo(allocation);
            assertThat(a.publicIp()).isNotNull();
            assertThat(a.privateIp()).startsWith("10.10.0.");
            assertThat(a.statusAsString()).isEqualTo("succeeded");
        });
    }

    @Test
    void aDeletedNatGatewayStaysVisibleForAboutAnHourThenIsGone() {
        attachedInternetGateway(vpcId);
        String nat = natGateway(subnetId, elasticIp());
        advance(ModeledDurations.NAT_GATEWAY);

        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        assertThat(natState(nat)).isEqualTo("deleting");
        advance(ModeledDurations.NAT_GATEWAY_DELETE);
        assertThat(natState(nat)).isEqualTo("deleted");
        assertThat(ec2.describeNatGateways(r -> r.natGatewayIds(nat)).natGateways().get(0).deleteTime()).isNotNull();
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("state", "available"))).natGateways()).isEmpty();

        advance(ModeledDurations.DELETED_STAYS_VISIBLE);
        assertThat(ec2.describeNatGateways(r -> { }).natGateways()).isEmpty();
        assertEc2Error(() -> ec2.describeNatGateways(r -> r.natGatewayIds(nat)), "NatGatewayNotFound");
    }

    @Test
    void aNatGatewayInAVpcWithoutInternetGatewayFails() {
        String nat = natGateway(subnetId, elasticIp());
        advance(ModeledDurations.NAT_GATEWAY);

        NatGateway failed = ec2.describeNatGateways(r -> r.natGatewayIds(nat)).natGateways().get(0);
        assertThat(failed.stateAsString()).isEqualTo("failed");
        assertThat(failed.failureCode()).isEqualTo("Gateway.NotAttached");
    }

    @Test
    void aNatGatewayWhoseElasticIpIsTakenFails() {
        attachedInternetGateway(vpcId);
        String allocation = elasticIp();
        natGateway(subnetId, allocation);

        String second = natGateway(subnetId, allocation);
        advance(ModeledDurations.NAT_GATEWAY);

        NatGateway failed = ec2.describeNatGateways(r -> r.natGatewayIds(second)).natGateways().get(0);
        assertThat(failed.stateAsString()).isEqualTo("failed");
        assertThat(failed.failureCode()).isEqualTo("Resource.AlreadyAssociated");
    }

    @Test
    void aRetryWithTheSameClientTokenReturnsTheSameGateway() {
        attachedInternetGateway(vpcId);
        String allocation = elasticIp();
        String first = ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(allocation).clientToken("t-1"))
                .natGateway().natGatewayId();

        String again = ec2.createNatGateway(r -> r.subnetId(subnetId).allocationId(allocation).clientToken("t-1"))
                .natGateway().natGatewayId();

        assertThat(again).isEqualTo(first);
        assertThat(ec2.describeNatGateways(r -> { }).natGateways()).hasSize(1);
        String otherSubnet = subnet(vpcId, "10.10.1.0/24", "us-east-1b");
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId(otherSubnet).allocationId(allocation)
                .clientToken("t-1")), "IdempotentParameterMismatch");
    }

    @Test
    void aPublicNatGatewayNeedsAnAllocationAndAnExistingSubnet() {
        assertEc2Error(() -> ec2.createNatGateway(r -> r.subnetId(subnetId)), "MissingParameter");
        assertEc2Error(() -> natGateway("subnet-00000000000000000", elasticIp()), "InvalidSubnetID.NotFound");
        assertEc2Error(() -> natGateway(subnetId, "eipalloc-00000000000000000"), "InvalidAllocationID.NotFound");
        assertEc2Error(() -> ec2.deleteNatGateway(r -> r.natGatewayId("nat-00000000000000000")),
                "NatGatewayNotFound");
    }

    @Test
    void natGatewaysAreFoundBySubnetAndVpc() {
        attachedInternetGateway(vpcId);
        String nat = natGateway(subnetId, elasticIp());

        assertThat(ec2.describeNatGateways(r -> r.filter(filter("vpc-id", vpcId), filter("subnet-id", subnetId)))
                .natGateways()).extracting(NatGateway::natGatewayId).containsExactly(nat);
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("state", "pending", "available")))
                .natGateways()).hasSize(1);
    }
}
