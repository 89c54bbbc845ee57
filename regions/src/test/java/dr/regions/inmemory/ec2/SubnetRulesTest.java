package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SubnetRulesTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");

    @Test
    void aSubnetMustLieInsideTheVpcBlock() {
        assertEc2Error(() -> subnet(vpcId, "10.20.0.0/24", "us-east-1a"), "InvalidSubnet.Range");
        assertEc2Error(() -> subnet(vpcId, "10.10.0.0/29", "us-east-1a"), "InvalidSubnet.Range");

        assertThat(subnet(vpcId, "10.10.0.0/24", "us-east-1a")).startsWith("subnet-");
    }

    @Test
    void overlappingSubnetsConflictUntilTheFirstIsDeleted() {
        String first = subnet(vpcId, "10.10.0.0/20", "us-east-1a");

        assertEc2Error(() -> subnet(vpcId, "10.10.1.0/24", "us-east-1b"), "InvalidSubnet.Conflict");

        ec2.deleteSubnet(r -> r.subnetId(first));
        assertThat(subnet(vpcId, "10.10.1.0/24", "us-east-1b")).startsWith("subnet-");
    }

    @Test
    void theZoneMustBeOneOfTheRegion() {
        assertEc2Error(() -> subnet(vpcId, "10.10.0.0/24", "us-west-2a"), "InvalidParameterValue");
        assertEc2Error(() -> subnet("vpc-0000000000000000f", "10.10.0.0/24", "us-east-1a"), "InvalidVpcID.NotFound");
        assertEc2Error(() -> ec2.createSubnet(r -> r.vpcId(vpcId)), "MissingParameter");
    }

    @Test
    void subnetsAreFoundByVpcZoneAndTag() {
        String a = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.10.0.0/24").availabilityZone("us-east-1a")
                .tagSpecifications(tags("subnet", "dr:role", "public-a"))).subnet().subnetId();
        subnet(vpcId, "10.10.1.0/24", "us-east-1b");
        subnet(vpc("10.20.0.0/16"), "10.20.0.0/24", "us-east-1a");

        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId))).subnets()).hasSize(2);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("vpc-id", vpcId),
                filter("availability-zone", "us-east-1a"))).subnets()).extracting(Subnet::subnetId).containsExactly(a);
        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:dr:role", "public-*"))).subnets())
                .singleElement().satisfies(s -> {
                    assertThat(s.availableIpAddressCount()).isEqualTo(251);
                    assertThat(s.availabilityZoneId()).isEqualTo("use1-az1");
                });
    }

    @Test
    void mapPublicIpOnLaunchCanBeTurnedOn() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");

        ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));

        assertThat(ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0).mapPublicIpOnLaunch()).isTrue();
    }

    @Test
    void subnetAttributesChangeOneAtATime() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();

        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetId).mapPublicIpOnLaunch(on)
                .enableDns64(on)), "InvalidParameterCombination");
        assertEc2Error(() -> ec2.modifySubnetAttribute(r -> r.subnetId(subnetId)), "MissingParameter");
    }

    @Test
    void aSubnetAnotherServiceUsesCannotBeDeletedUntilItIsReleased() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        world().dependencies.use("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1",
                subnetId);

        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "DependencyViolation");

        world().dependencies.release("arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1");
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertEc2Error(() -> ec2.describeSubnets(r -> r.subnetIds(subnetId)), "InvalidSubnetID.NotFound");
    }

    @Test
    void aSubnetWithANatGatewayCannotBeDeletedUntilTheGatewayIsDeleted() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        attachedInternetGateway(vpcId);
        String nat = natGateway(subnetId, elasticIp());

        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "DependencyViolation");

        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "DependencyViolation");
        advance(Duration.ofMinutes(1));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
    }

    @Test
    void aSubnetWithAnInstanceCannotBeDeletedUntilTheInstanceIsTerminated() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        String instance = runInstance(baseImage(), subnetId);

        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "DependencyViolation");

        ec2.terminateInstances(r -> r.instanceIds(instance));
        assertEc2Error(() -> ec2.deleteSubnet(r -> r.subnetId(subnetId)), "DependencyViolation");
        advance(Duration.ofMinutes(1));
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
    }

    @Test
    void deletingASubnetDropsItsRouteTableAssociation() {
        String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();
        ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));

        ec2.deleteSubnet(r -> r.subnetId(subnetId));

        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().get(0).associations())
                .isEmpty();
        ec2.deleteRouteTable(r -> r.routeTableId(tableId));
    }
}
