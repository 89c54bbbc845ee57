package dr.regions.provision;

import dr.core.engine.Action;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.model.Cidr;
import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class RegionalProvisioningTest {
    private final ProvisionFixture fixture = new ProvisionFixture();

    private Ec2Client ec2(String region) {
        return fixture.cloud().ec2(region);
    }

    private List<Subnet> subnets(String region) {
        return ec2(region).describeSubnets(r -> r.filters(Filter.builder().name("tag:dr:stack").values("dr").build()))
                .subnets();
    }

    private SecurityGroup group(String region, String role) {
        return ec2(region).describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("tag:dr:role").values(role).build())).securityGroups().get(0);
    }

    @Nested
    class DefaultTopology {
        private final ProvisionReport report = fixture.provision(ProvisionFixture.defaultSpec());

        @Test
        void everyStepSucceeds() {
            assertThat(report.result().failed()).as("failed steps").isEmpty();
            assertThat(report.succeeded()).isTrue();
        }

        @Test
        void eachRegionHasEightSubnetsOverTwoZonesInsideItsVpcBlock() {
            for (String region : List.of(ProvisionFixture.PRIMARY, ProvisionFixture.DR)) {
                List<Subnet> subnets = subnets(region);
                assertThat(subnets).hasSize(8);
                assertThat(subnets.stream().map(Subnet::availabilityZone).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrder(region + "a", region + "b");
                Cidr vpc = Cidr.parse(region.equals(ProvisionFixture.PRIMARY) ? "10.10.0.0/16" : "10.20.0.0/16");
                assertThat(subnets).allSatisfy(s -> assertThat(vpc.contains(Cidr.parse(s.cidrBlock()))).isTrue());
                assertThat(subnets.stream().filter(s -> Boolean.TRUE.equals(s.mapPublicIpOnLaunch())).count())
                        .as("public subnets map public IPs").isEqualTo(2);
            }
        }

        @Test
        void publicSubnetsRouteToTheInternetGatewayAndPrivateOnesToTheNat() {
            List<RouteTable> tables = ec2(ProvisionFixture.PRIMARY).describeRouteTables(r -> r.filters(
                    Filter.builder().name("tag:dr:stack").values("dr").build())).routeTables();
            RouteTable publicTable = tables.stream().filter(t -> hasTag(t.tags(), "rtb-public")).findFirst().orElseThrow();
            RouteTable privateTable = tables.stream().filter(t -> hasTag(t.tags(), "rtb-private-a")).findFirst().orElseThrow();
            assertThat(publicTable.routes()).anySatisfy(r -> {
                assertThat(r.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
                assertThat(r.gatewayId()).startsWith("igw-");
            });
            assertThat(privateTable.routes()).anySatisfy(r -> {
                assertThat(r.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
                assertThat(r.natGatewayId()).startsWith("nat-");
            });
            assertThat(publicTable.associations()).hasSize(2);
            assertThat(privateTable.associations()).hasSize(6);
        }

        @Test
        void databaseAcceptsMysqlOnlyFromTheAppTier() {
            SecurityGroup db = group(ProvisionFixture.PRIMARY, "sg-db");
            SecurityGroup app = group(ProvisionFixture.PRIMARY, "sg-app");
            assertThat(db.ipPermissions()).singleElement().satisfies(p -> {
                assertThat(p.fromPort()).isEqualTo(3306);
                assertThat(p.ipRanges()).isEmpty();
                assertThat(p.userIdGroupPairs()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(app.groupId()));
            });
        }

        @Test
        void loadBalancersAloneAreOpenToTheInternet() {
            for (String role : List.of("sg-alb-web", "sg-alb-app")) {
                assertThat(group(ProvisionFixture.DR, role).ipPermissions()).extracting(IpPermission::fromPort)
                        .containsExactlyInAnyOrder(80, 443);
            }
            for (String role : List.of("sg-web", "sg-app", "sg-db", "sg-bastion")) {
                assertThat(group(ProvisionFixture.DR, role).ipPermissions())
                        .allSatisfy(p -> assertThat(p.ipRanges()).noneMatch(r -> r.cidrIp().equals("0.0.0.0/0")));
            }
            assertThat(group(ProvisionFixture.PRIMARY, "sg-bastion").ipPermissions())
                    .as("no SSH rule without --admin-cidr").isEmpty();
        }

        @Test
        void primaryIsMultiAzEncryptedProtectedAndReplicatedToTheDrRegion() {
            DBInstance primary = fixture.cloud().rds(ProvisionFixture.PRIMARY)
                    .describeDBInstances(r -> r.dbInstanceIdentifier("dr-db")).dbInstances().get(0);
            DBInstance replica = fixture.cloud().rds(ProvisionFixture.DR)
                    .describeDBInstances(r -> r.dbInstanceIdentifier("dr-db-replica")).dbInstances().get(0);
            assertThat(primary.multiAZ()).isTrue();
            assertThat(primary.storageEncrypted()).isTrue();
            assertThat(primary.deletionProtection()).isTrue();
            assertThat(primary.publiclyAccessible()).isFalse();
            assertThat(primary.backupRetentionPeriod()).isPositive();
            assertThat(primary.dbInstanceStatus()).isEqualTo("available");
            assertThat(replica.readReplicaSourceDBInstanceIdentifier()).isEqualTo(primary.dbInstanceArn());
            assertThat(replica.storageEncrypted()).isTrue();
            assertThat(replica.kmsKeyId()).contains(":" + ProvisionFixture.DR + ":");
            assertThat(replica.dbInstanceStatus()).isEqualTo("available");
        }

        @Test
        void modeledDurationStaysCloseToTheCriticalPath() {
            assertThat(report.ratio()).as("modeled duration / critical path").isLessThanOrEqualTo(1.05);
        }
    }

    @Test
    void provisionTwiceCreatesNothingTheSecondTime() {
        fixture.provision(ProvisionFixture.defaultSpec());
        long mutatingBefore = fixture.cloud().world().calls().mutating();
        ProvisionReport second = fixture.provision(ProvisionFixture.defaultSpec());
        assertThat(second.result().outcomes()).extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(fixture.cloud().world().calls().mutating()).as("mutating calls on the second run")
                .isEqualTo(mutatingBefore);
    }

    @Test
    void aRevokedRuleIsRepairedAndReportedAsUpdate() {
        fixture.provision(ProvisionFixture.defaultSpec());
        SecurityGroup albWeb = group(ProvisionFixture.PRIMARY, "sg-alb-web");
        ec2(ProvisionFixture.PRIMARY).revokeSecurityGroupIngress(r -> r.groupId(albWeb.groupId())
                .ipPermissions(albWeb.ipPermissions().get(0)));
        ProvisionReport second = fixture.provision(ProvisionFixture.defaultSpec());
        assertThat(second.result().outcome(StepKey.of(ProvisionFixture.PRIMARY, "sg-alb-web")).action())
                .isEqualTo(Action.UPDATE);
        assertThat(group(ProvisionFixture.PRIMARY, "sg-alb-web").ipPermissions()).hasSize(2);
    }

    @Test
    void customCidrsAreUsed() {
        StackSpec spec = ProvisionFixture.defaultSpec()
                .withCidrs(Cidr.parse("172.16.0.0/20"), Cidr.parse("172.17.0.0/24"));
        assertThat(fixture.provision(spec).succeeded()).isTrue();
        assertThat(subnets(ProvisionFixture.DR)).allSatisfy(s ->
                assertThat(Cidr.parse("172.17.0.0/24").contains(Cidr.parse(s.cidrBlock()))).isTrue());
        assertThat(subnets(ProvisionFixture.DR)).extracting(Subnet::cidrBlock).contains("172.17.0.0/27", "172.17.0.224/27");
    }

    private static boolean hasTag(List<software.amazon.awssdk.services.ec2.model.Tag> tags, String role) {
        return tags.stream().anyMatch(t -> t.key().equals("dr:role") && t.value().equals(role));
    }
}
