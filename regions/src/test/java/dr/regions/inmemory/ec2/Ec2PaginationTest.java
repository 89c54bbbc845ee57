package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Ec2PaginationTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");

    @Test
    void theSdkPaginatorWalksAllSubnetsPageByPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(subnet(vpcId, "10.10." + i + ".0/24", i % 2 == 0 ? "us-east-1a" : "us-east-1b"));
        }
        long callsBefore = world().calls().count(c -> c.operation().equals("DescribeSubnets"));

        List<String> listed = ec2.describeSubnetsPaginator(r -> r.filters(filter("vpc-id", vpcId)).maxResults(5))
                .subnets().stream().map(Subnet::subnetId).toList();

        assertThat(listed).containsExactlyElementsOf(created);
        assertThat(world().calls().count(c -> c.operation().equals("DescribeSubnets")) - callsBefore)
                .as("three pages of at most five").isEqualTo(3);
    }

    @Test
    void aPageCarriesATokenToTheNextUntilTheLast() {
        for (int i = 0; i < 6; i++) {
            securityGroup(vpcId, "group-" + i);
        }

        DescribeSecurityGroupsResponse first = ec2.describeSecurityGroups(r -> r.maxResults(5));
        DescribeSecurityGroupsResponse second = ec2.describeSecurityGroups(r -> r.maxResults(5)
                .nextToken(first.nextToken()));

        assertThat(first.securityGroups()).hasSize(5);
        assertThat(second.securityGroups()).hasSize(2);
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void everyPaginatedDescribeWorksWithItsPaginator() {
        for (int i = 0; i < 6; i++) {
            ec2.createRouteTable(r -> r.vpcId(vpcId));
            ec2.createLaunchTemplate(n -> n.launchTemplateName("template-" + n.hashCode())
                    .launchTemplateData(d -> d.imageId("ami-00000000000000001")));
        }
        vpc("10.20.0.0/16");

        assertThat(ec2.describeVpcsPaginator(r -> r.maxResults(5)).vpcs()).hasSize(2);
        assertThat(ec2.describeRouteTablesPaginator(r -> r.maxResults(5)).routeTables()).hasSize(8);
        assertThat(ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5)).securityGroups()).hasSize(2);
        assertThat(ec2.describeLaunchTemplatesPaginator(r -> r.maxResults(1)).launchTemplates()).hasSize(6);
        assertThat(ec2.describeInternetGatewaysPaginator(r -> r.maxResults(5)).internetGateways()).isEmpty();
        assertThat(ec2.describeNatGatewaysPaginator(r -> r.maxResults(5)).natGateways()).isEmpty();
        assertThat(ec2.describeInstancesPaginator(r -> r.maxResults(5)).reservations()).isEmpty();
        assertThat(ec2.describeSecurityGroupRulesPaginator(r -> r.maxResults(5)).securityGroupRules()).hasSize(4);
    }

    @Test
    void maxResultsOutOfRangeAndForeignTokensAreRefused() {
        assertEc2Error(() -> ec2.describeSubnets(r -> r.maxResults(2)), "InvalidParameterValue");
        assertEc2Error(() -> ec2.describeRouteTables(r -> r.maxResults(101)), "InvalidParameterValue");
        assertEc2Error(() -> ec2.describeSubnets(r -> r.nextToken("not-a-token")), "InvalidPaginationToken");
    }
}
