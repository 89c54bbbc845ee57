package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;

import static org.assertj.core.api.Assertions.assertThat;

class Ec2EventualConsistencyTest extends Ec2TestSupport {

    @Test
    void aDescribeByIdRightAfterCreateMissesTheNewVpcOnce() {
        world().faults().eventualConsistency(true);
        String vpcId = vpc("10.10.0.0/16");

        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds(vpcId)), "InvalidVpcID.NotFound");

        assertThat(ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs()).hasSize(1);
    }

    @Test
    void aDescribeByTagRightAfterCreateMissesTheNewSubnetOnce() {
        String vpcId = vpc("10.10.0.0/16");
        world().faults().eventualConsistency(true);
        ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.10.0.0/24")
                .tagSpecifications(tags("subnet", "dr:role", "public-a")));

        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:dr:role", "public-a"))).subnets()).isEmpty();
        assertThat(ec2.describeSubnets(r -> r.filters(filter("tag:dr:role", "public-a"))).subnets()).hasSize(1);
    }

    @Test
    void listingWithoutIdOrTagSeesNewResourcesAtOnce() {
        world().faults().eventualConsistency(true);
        String vpcId = vpc("10.10.0.0/16");

        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId))).securityGroups()).hasSize(1);
    }

    @Test
    void siblingFakesCallingDirectlyAreNotFaulted() {
        world().faults().eventualConsistency(true);
        String vpcId = vpc("10.10.0.0/16");

        assertThat(new FakeEc2(world(), REGION).describeVpcs(
                DescribeVpcsRequest.builder().vpcIds(vpcId).build())
                .vpcs()).hasSize(1);
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds(vpcId)), "InvalidVpcID.NotFound");
    }
}
