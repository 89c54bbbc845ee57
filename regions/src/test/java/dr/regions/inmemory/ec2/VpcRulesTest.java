package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VpcRulesTest extends Ec2TestSupport {

    @Test
    void aNewVpcComesWithItsDefaultSecurityGroupAndMainRouteTable() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")
                .tagSpecifications(tags("vpc", "dr:stack", "shop"))).vpc().vpcId();

        List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId)))
                .securityGroups();
        assertThat(groups).singleElement().satisfies(group -> {
            assertThat(group.groupName()).isEqualTo("default");
            assertThat(group.ipPermissionsEgress()).singleElement()
                    .satisfies(p -> assertThat(p.ipProtocol()).isEqualTo("-1"));
            assertThat(group.ipPermissions()).singleElement().satisfies(p ->
                    assertThat(p.userIdGroupPairs().get(0).groupId()).isEqualTo(group.groupId()));
        });
        List<RouteTable> tables = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId),
                filter("association.main", "true"))).routeTables();
        assertThat(tables).singleElement().satisfies(table ->
                assertThat(table.routes()).singleElement().satisfies(route -> {
                    assertThat(route.destinationCidrBlock()).isEqualTo("10.10.0.0/16");
                    assertThat(route.gatewayId()).isEqualTo("local");
                }));
    }

    @Test
    void vpcsAreFoundByTagAndByCidr() {
        String tagged = ec2.createVpc(r -> r.cidrBlock("10.10.0.0/16")
                .tagSpecifications(tags("vpc", "dr:stack", "shop"))).vpc().vpcId();
        vpc("10.20.0.0/16");

        assertThat(ec2.describeVpcs(r -> r.filters(filter("tag:dr:stack", "shop"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(tagged);
        assertThat(ec2.describeVpcs(r -> r.filters(filter("tag-key", "dr:*"))).vpcs())
                .extracting(Vpc::vpcId).containsExactly(tagged);
        assertThat(ec2.describeVpcs(r -> r.filters(filter("cidr", "10.20.0.0/16"))).vpcs()).hasSize(1);
    }

    @Test
    void anUnknownVpcIdOrFilterIsRefused() {
        assertEc2Error(() -> ec2.describeVpcs(r -> r.vpcIds("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
        assertEc2Error(() -> ec2.describeVpcs(r -> r.filters(filter("colour", "blue"))), "InvalidParameterValue");
    }

    @Test
    void aVpcBlockOutsideSlash16ToSlash28IsRefused() {
        assertEc2Error(() -> vpc("10.0.0.0/8"), "InvalidVpc.Range");
        assertEc2Error(() -> vpc("10.0.0.1/16"), "InvalidParameterValue");
        assertEc2Error(() -> ec2.createVpc(r -> r.tagSpecifications(tags("vpc", "a", "b"))), "MissingParameter");
    }

    @Test
    void tagSpecificationsForAnotherResourceTypeAreRefused() {
        assertEc2Error(() -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")
                .tagSpecifications(tags("subnet", "a", "b"))), "InvalidParameterValue");
    }

    @Test
    void dnsAttributesChangeOneAtATime() {
        String vpcId = vpc("10.10.0.0/16");
        AttributeBooleanValue on = AttributeBooleanValue.builder().value(true).build();

        assertEc2Error(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on).enableDnsHostnames(on)),
                "InvalidParameterCombination");

        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on));
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();
        assertThat(ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                .enableDnsSupport().value()).isTrue();
    }

    @Test
    void aVpcWithASubnetCannotBeDeletedUntilTheSubnetIsGone() {
        String vpcId = vpc("10.10.0.0/16");
        String subnetId = subnet(vpcId, "10.10.1.0/24", "us-east-1a");

        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertThat(ec2.describeVpcs(r -> { }).vpcs()).isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> { }).securityGroups()).as("default group went with it").isEmpty();
        assertThat(ec2.describeRouteTables(r -> { }).routeTables()).as("main route table went with it").isEmpty();
    }

    @Test
    void aVpcWithAnAttachedInternetGatewayCannotBeDeletedUntilItIsDetached() {
        String vpcId = vpc("10.10.0.0/16");
        String igw = attachedInternetGateway(vpcId);

        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        ec2.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpcId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }

    @Test
    void aVpcWithItsOwnSecurityGroupCannotBeDeletedUntilTheGroupIsGone() {
        String vpcId = vpc("10.10.0.0/16");
        String groupId = securityGroup(vpcId, "web");

        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        ec2.deleteSecurityGroup(r -> r.groupId(groupId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }

    @Test
    void aVpcWithAnExtraRouteTableCannotBeDeletedUntilTheTableIsGone() {
        String vpcId = vpc("10.10.0.0/16");
        String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        ec2.deleteRouteTable(r -> r.routeTableId(tableId));
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }

    @Test
    void aVpcAnotherServiceUsesCannotBeDeletedUntilItIsReleased() {
        String vpcId = vpc("10.10.0.0/16");
        world().dependencies.use("arn:aws:route53:::hostedzone/Z1", vpcId);

        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        world().dependencies.release("arn:aws:route53:::hostedzone/Z1");
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }
}
