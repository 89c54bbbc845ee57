package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Address;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Internet gateways and Elastic IPs, and how a NAT gateway ties them down. */
class GatewayRulesTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");
    private final String publicSubnet = subnet(vpcId, "10.10.0.0/24", "us-east-1a");

    @Test
    void anInternetGatewayAttachesToOneVpcOnly() {
        String igw = attachedInternetGateway(vpcId);
        String other = vpc("10.20.0.0/16");

        assertEc2Error(() -> ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(other)),
                "Resource.AlreadyAssociated");

        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(other));
        assertThat(ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", other)))
                .internetGateways()).singleElement().satisfies(g -> {
                    assertThat(g.internetGatewayId()).isEqualTo(igw);
                    assertThat(g.attachments().get(0).stateAsString()).isEqualTo("available");
                });
    }

    @Test
    void aVpcTakesOneInternetGatewayOnly() {
        attachedInternetGateway(vpcId);
        String second = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();

        assertEc2Error(() -> ec2.attachInternetGateway(r -> r.internetGatewayId(second).vpcId(vpcId)),
                "InvalidParameterValue");

        String first = ec2.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpcId)))
                .internetGateways().get(0).internetGatewayId();
        ec2.detachInternetGateway(r -> r.internetGatewayId(first).vpcId(vpcId));
        ec2.attachInternetGateway(r -> r.internetGatewayId(second).vpcId(vpcId));
    }

    @Test
    void detachingFromAVpcItIsNotAttachedToIsRefused() {
        String igw = ec2.createInternetGateway(r -> { }).internetGateway().internetGatewayId();

        assertEc2Error(() -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)),
                "Gateway.NotAttached");
    }

    @Test
    void anAttachedInternetGatewayCannotBeDeletedUntilDetached() {
        String igw = attachedInternetGateway(vpcId);

        assertEc2Error(() -> ec2.deleteInternetGateway(r -> r.internetGatewayId(igw)), "DependencyViolation");

        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        ec2.deleteInternetGateway(r -> r.internetGatewayId(igw));
        assertEc2Error(() -> ec2.describeInternetGateways(r -> r.internetGatewayIds(igw)),
                "InvalidInternetGatewayID.NotFound");
    }

    @Test
    void theGatewayCannotBeDetachedWhileANatGatewayMapsItsElasticIp() {
        String igw = attachedInternetGateway(vpcId);
        String nat = natGateway(publicSubnet, elasticIp());
        advance(ModeledDurations.NAT_GATEWAY);

        assertThatDetachIsRefused(igw);
        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        assertThatDetachIsRefused(igw);

        advance(ModeledDurations.NAT_GATEWAY_DELETE);
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
    }

    private void assertThatDetachIsRefused(String igw) {
        assertEc2Error(() -> ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId)),
                "DependencyViolation");
    }

    @Test
    void theGatewayCannotBeDetachedWhileAnInstanceHasAPublicAddress() {
        String igw = attachedInternetGateway(vpcId);
        String instance = ec2.runInstances(r -> r.imageId(baseImage()).instanceType("t3.micro").minCount(1)
                .maxCount(1)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(publicSubnet).associatePublicIpAddress(true)))
                .instances().get(0).instanceId();

        assertThatDetachIsRefused(igw);

        ec2.terminateInstances(r -> r.instanceIds(instance));
        advance(ModeledDurations.INSTANCE_TERMINATE);
        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
    }

    @Test
    void anElasticIpIsAllocatedWithTagsAndFoundByThem() {
        String allocation = ec2.allocateAddress(r -> r.domain("vpc")
                .tagSpecifications(tags("elastic-ip", "dr:role", "nat-a"))).allocationId();

        assertThat(ec2.describeAddresses(r -> r.filters(filter("tag:dr:role", "nat-a"))).addresses())
                .singleElement().satisfies(a -> {
                    assertThat(a.allocationId()).isEqualTo(allocation);
                    assertThat(a.publicIp()).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
                    assertThat(a.associationId()).isNull();
                });
        assertEc2Error(() -> ec2.describeAddresses(r -> r.allocationIds("eipalloc-00000000000000000")),
                "InvalidAllocationID.NotFound");
    }

    @Test
    void anElasticIpHeldByANatGatewayCannotBeReleasedUntilTheGatewayIsDeleted() {
        attachedInternetGateway(vpcId);
        String allocation = elasticIp();
        String nat = natGateway(publicSubnet, allocation);
        advance(ModeledDurations.NAT_GATEWAY);
        Address held = ec2.describeAddresses(r -> r.allocationIds(allocation)).addresses().get(0);
        assertThat(held.associationId()).startsWith("eipassoc-");
        assertThat(held.networkInterfaceId()).startsWith("eni-");

        assertEc2Error(() -> ec2.releaseAddress(r -> r.allocationId(allocation)), "AuthFailure");
        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        assertEc2Error(() -> ec2.releaseAddress(r -> r.allocationId(allocation)), "AuthFailure");

        advance(Duration.ofMinutes(1));
        ec2.releaseAddress(r -> r.allocationId(allocation));
        assertThat(ec2.describeAddresses(r -> { }).addresses()).isEmpty();
    }

    @Test
    void releasingByPublicIpIsRefusedForVpcAddresses() {
        String allocation = elasticIp();
        String ip = ec2.describeAddresses(r -> r.allocationIds(allocation)).addresses().get(0).publicIp();

        assertEc2Error(() -> ec2.releaseAddress(r -> r.publicIp(ip)), "InvalidParameterValue");
    }
}
