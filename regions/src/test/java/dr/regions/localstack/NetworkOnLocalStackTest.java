package dr.regions.localstack;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Step;
import dr.core.engine.StepOutcome;
import dr.core.model.Cidr;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.network.Ec2Tags;
import dr.regions.network.NetworkSteps;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecuritySteps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The network and security steps of one region, on LocalStack's EC2, through the production engine and clients. */
@OnLocalStack(services = "ec2")
class NetworkOnLocalStackTest {
    private static final String REGION = "us-east-1";
    private static final String ADMIN_CIDR = "203.0.113.10/32";
    private static final StackSpec SPEC = LocalStack.spec("lsnet", REGION).withAdminCidr(Cidr.parse(ADMIN_CIDR));

    @RegisterExtension
    static final LocalStack.Provisioned STACK = new LocalStack.Provisioned(NetworkOnLocalStackTest::steps);

    private static List<Step> steps(AwsClients clients) {
        RegionTarget target = new RegionTarget(SPEC, RegionRole.PRIMARY, clients);
        List<Step> steps = new ArrayList<>(NetworkSteps.forRegion(target));
        steps.addAll(SecuritySteps.forRegion(target));
        return steps;
    }

    private static Ec2Client ec2() {
        return STACK.clients().ec2(REGION);
    }

    private static Vpc vpc() {
        List<Vpc> vpcs = ec2().describeVpcs(r -> r.filters(Ec2Tags.byRole(SPEC.stack(), "vpc"))).vpcs();
        assertThat(vpcs).as("VPCs tagged for the stack").hasSize(1);
        return vpcs.get(0);
    }

    private static SecurityGroup group(String role) {
        List<SecurityGroup> groups = ec2().describeSecurityGroups(r -> r.filters(Ec2Tags.byRole(SPEC.stack(), role)))
                .securityGroups();
        assertThat(groups).as("security groups with role %s", role).hasSize(1);
        return groups.get(0);
    }

    @Test
    void everyStepCreatesItsResource() {
        assertThat(STACK.firstRun().failed()).as("failed steps").isEmpty();
        assertThat(STACK.firstRun().outcomes()).extracting(StepOutcome::action).containsOnly(Action.CREATE);
    }

    @Test
    void theVpcHasThePlannedBlockAndDnsSupportAndHostnames() {
        Vpc vpc = vpc();
        assertThat(vpc.cidrBlock()).isEqualTo(SPEC.primaryCidr().toString());
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                .enableDnsSupport().value()).isTrue();
        assertThat(ec2().describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                .enableDnsHostnames().value()).isTrue();
    }

    @Test
    void eightSubnetsOverTwoZonesInsideTheVpcAndOnlyThePublicOnesMapPublicIps() {
        String vpcId = vpc().vpcId();
        List<Subnet> subnets = ec2().describeSubnets(r -> r.filters(Ec2Tags.byStack(SPEC.stack()))).subnets();
        Cidr block = SPEC.primaryCidr();

        assertThat(subnets).hasSize(8).allSatisfy(s -> {
            assertThat(s.vpcId()).isEqualTo(vpcId);
            assertThat(block.contains(Cidr.parse(s.cidrBlock()))).as("%s inside %s", s.cidrBlock(), block).isTrue();
        });
        assertThat(subnets.stream().map(Subnet::availabilityZone).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(REGION + "a", REGION + "b");
        assertThat(subnets.stream().filter(s -> Boolean.TRUE.equals(s.mapPublicIpOnLaunch())).map(s -> role(s.tags())))
                .containsExactlyInAnyOrder("subnet-public-a", "subnet-public-b");
    }

    @Test
    void publicSubnetsRouteToTheInternetGatewayAndPrivateOnesToTheNatGateway() {
        List<RouteTable> tables = ec2().describeRouteTables(r -> r.filters(Ec2Tags.byStack(SPEC.stack()))).routeTables();
        RouteTable publicRoutes = tables.stream().filter(t -> role(t.tags()).equals("rtb-public")).findFirst().orElseThrow();
        RouteTable privateRoutes = tables.stream().filter(t -> role(t.tags()).equals("rtb-private-a")).findFirst()
                .orElseThrow();

        assertThat(publicRoutes.routes()).anySatisfy(route -> {
            assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(route.gatewayId()).startsWith("igw-");
        });
        assertThat(privateRoutes.routes()).anySatisfy(route -> {
            assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
            assertThat(route.natGatewayId()).startsWith("nat-");
        });
        assertThat(publicRoutes.associations()).hasSize(2);
        assertThat(privateRoutes.associations()).hasSize(6);
    }

    @Test
    void onlyTheLoadBalancersAreOpenToTheInternet() {
        for (String role : List.of("sg-alb-web", "sg-alb-app")) {
            assertThat(group(role).ipPermissions()).extracting(IpPermission::fromPort)
                    .containsExactlyInAnyOrder(80, 443);
        }
        for (String role : List.of("sg-web", "sg-app", "sg-db", "sg-bastion")) {
            assertThat(group(role).ipPermissions()).as(role)
                    .allSatisfy(p -> assertThat(p.ipRanges()).noneMatch(r -> r.cidrIp().equals("0.0.0.0/0")));
        }
    }

    @Test
    void eachTierAcceptsTrafficOnlyFromTheTierInFrontOfIt() {
        assertOnlySource("sg-db", 3306, group("sg-app").groupId());
        assertThat(group("sg-app").ipPermissions()).extracting(IpPermission::fromPort).containsExactlyInAnyOrder(80, 22);
        assertThat(group("sg-web").ipPermissions()).extracting(IpPermission::fromPort).containsExactlyInAnyOrder(80, 22);
        assertThat(group("sg-bastion").ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(22);
            assertThat(p.ipRanges()).singleElement().satisfies(r -> assertThat(r.cidrIp()).isEqualTo(ADMIN_CIDR));
        });
    }

    @Test
    void aSecondRunFindsEverythingByTagAndChangesNothing() {
        ExecutionResult again = STACK.runAgain();

        assertThat(again.failed()).as("failed steps").isEmpty();
        assertThat(again.outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(again.outcomes()).extracting(StepOutcome::resourceId)
                .containsExactlyElementsOf(STACK.firstRun().outcomes().stream().map(StepOutcome::resourceId).toList());
        vpc();
    }

    private void assertOnlySource(String role, int port, String sourceGroupId) {
        assertThat(group(role).ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.fromPort()).isEqualTo(port);
            assertThat(p.ipRanges()).isEmpty();
            assertThat(p.userIdGroupPairs()).singleElement()
                    .satisfies(pair -> assertThat(pair.groupId()).isEqualTo(sourceGroupId));
        });
    }

    private static String role(List<Tag> tags) {
        return tags.stream().filter(t -> t.key().equals("dr:role")).map(Tag::value).findFirst().orElse("");
    }
}
