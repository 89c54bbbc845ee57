package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityGroupRulesTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");

    private SecurityGroup group(String groupId) {
        return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
    }

    @Test
    void aNewGroupAllowsAllEgressAndNoIngress() {
        String groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("shop-web").description("web tier")
                .tagSpecifications(tags("security-group", "dr:role", "web"))).groupId();

        SecurityGroup group = group(groupId);
        assertThat(group.ipPermissions()).isEmpty();
        assertThat(group.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges().get(0).cidrIp()).isEqualTo("0.0.0.0/0");
        });
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("tag:dr:role", "web"))).securityGroups())
                .extracting(SecurityGroup::groupId).containsExactly(groupId);
        assertThat(ec2.describeSecurityGroups(r -> r.filters(filter("group-name", "shop-web"),
                filter("vpc-id", vpcId))).securityGroups()).hasSize(1);
    }

    @Test
    void nameAndDescriptionAreRequiredAndNamesAreUniquePerVpc() {
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).description("d")), "MissingParameter");
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web")), "MissingParameter");
        assertEc2Error(() -> ec2.createSecurityGroup(r -> r.groupName("web").description("d")), "VPCIdNotSpecified");
        String first = securityGroup(vpcId, "web");

        assertEc2Error(() -> securityGroup(vpcId, "web"), "InvalidGroup.Duplicate");
        assertEc2Error(() -> securityGroup(vpcId, "sg-web"), "InvalidParameterValue");

        assertThat(securityGroup(vpc("10.20.0.0/16"), "web")).as("same name in another VPC").isNotEqualTo(first);
        ec2.deleteSecurityGroup(r -> r.groupId(first));
        assertThat(securityGroup(vpcId, "web")).startsWith("sg-");
    }

    @Test
    void anExistingRuleCannotBeAuthorizedTwice() {
        String groupId = securityGroup(vpcId, "alb-web");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromCidr(443, "0.0.0.0/0")));

        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcpFromCidr(443, "0.0.0.0/0"))), "InvalidPermission.Duplicate");

        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromCidr(443, "0.0.0.0/0")));
        List<SecurityGroupRule> added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcpFromCidr(443, "0.0.0.0/0"))).securityGroupRules();
        assertThat(added).singleElement().satisfies(rule -> {
            assertThat(rule.securityGroupRuleId()).startsWith("sgr-");
            assertThat(rule.isEgress()).isFalse();
            assertThat(rule.fromPort()).isEqualTo(443);
        });
    }

    @Test
    void aDuplicateAmongSeveralRulesAddsNone() {
        String groupId = securityGroup(vpcId, "alb-web");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromCidr(443, "0.0.0.0/0")));

        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcpFromCidr(80, "0.0.0.0/0"), tcpFromCidr(443, "0.0.0.0/0"))),
                "InvalidPermission.Duplicate");

        assertThat(group(groupId).ipPermissions()).singleElement()
                .satisfies(p -> assertThat(p.fromPort()).isEqualTo(443));
    }

    @Test
    void revokingARuleThatDoesNotExistIsRefused() {
        String groupId = securityGroup(vpcId, "bastion");

        assertEc2Error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcpFromCidr(22, "203.0.113.0/24"))), "InvalidPermission.NotFound");

        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromCidr(22, "203.0.113.0/24")));
        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromCidr(22, "203.0.113.0/24")));
        assertThat(group(groupId).ipPermissions()).isEmpty();
    }

    @Test
    void revokingSomeKnownAndSomeUnknownRulesRevokesTheKnownAndReportsTheRest() {
        String groupId = securityGroup(vpcId, "alb-web");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(tcpFromCidr(80, "0.0.0.0/0")));

        RevokeSecurityGroupIngressResponse response = ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcpFromCidr(80, "0.0.0.0/0"), tcpFromCidr(443, "0.0.0.0/0")));

        assertThat(response.revokedSecurityGroupRules()).hasSize(1);
        assertThat(response.unknownIpPermissions()).extracting(IpPermission::fromPort).containsExactly(443);
        assertThat(group(groupId).ipPermissions()).isEmpty();
    }

    @Test
    void rulesCanBeRevokedByTheirIds() {
        String groupId = securityGroup(vpcId, "alb-web");
        String ruleId = ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipPermissions(tcpFromCidr(80, "0.0.0.0/0"))).securityGroupRules().get(0).securityGroupRuleId();

        ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId));

        assertThat(group(groupId).ipPermissions()).isEmpty();
        assertEc2Error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).securityGroupRuleIds(ruleId)),
                "InvalidSecurityGroupRuleId.NotFound");
    }

    @Test
    void egressRulesFollowTheSameRules() {
        String groupId = securityGroup(vpcId, "db");
        IpPermission allOut = IpPermission.builder().ipProtocol("-1")
                .ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();

        assertEc2Error(() -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(allOut)),
                "InvalidPermission.Duplicate");
        ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(allOut));
        assertThat(group(groupId).ipPermissionsEgress()).isEmpty();
        assertEc2Error(() -> ec2.revokeSecurityGroupEgress(r -> r.groupId(groupId).ipPermissions(allOut)),
                "InvalidPermission.NotFound");
    }

    @Test
    void groupReferencesShowAsUserIdGroupPairsAndRulesByGroup() {
        String app = securityGroup(vpcId, "app");
        String db = securityGroup(vpcId, "db");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFromGroup(3306, app)));

        assertThat(group(db).ipPermissions()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("tcp");
            assertThat(p.userIdGroupPairs()).singleElement().satisfies(pair ->
                    assertThat(pair.groupId()).isEqualTo(app));
        });
        List<SecurityGroupRule> rules = ec2.describeSecurityGroupRules(r -> r.filters(filter("group-id", db)))
                .securityGroupRules();
        assertThat(rules).hasSize(2);
        assertThat(rules).filteredOn(rule -> !rule.isEgress()).singleElement()
                .satisfies(rule -> assertThat(rule.referencedGroupInfo().groupId()).isEqualTo(app));
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(db)
                .ipPermissions(tcpFromGroup(3306, "sg-00000000000000000"))), "InvalidGroup.NotFound");
    }

    @Test
    void aGroupAnotherGroupsRuleReferencesCannotBeDeletedUntilTheRuleIsRevoked() {
        String app = securityGroup(vpcId, "app");
        String db = securityGroup(vpcId, "db");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFromGroup(3306, app)));

        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(app)), "DependencyViolation");

        ec2.revokeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(tcpFromGroup(3306, app)));
        ec2.deleteSecurityGroup(r -> r.groupId(app));
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupIds(app)), "InvalidGroup.NotFound");
    }

    @Test
    void aGroupReferencingItselfCanStillBeDeleted() {
        String web = securityGroup(vpcId, "web");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(tcpFromGroup(80, web)));
        assertThat(group(web).ipPermissions()).as("the rule that references the group itself").singleElement()
                .satisfies(p -> assertThat(p.userIdGroupPairs()).extracting(UserIdGroupPair::groupId)
                        .containsExactly(web));

        ec2.deleteSecurityGroup(r -> r.groupId(web));

        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupIds(web)), "InvalidGroup.NotFound");
    }

    @Test
    void aGroupAnotherServiceUsesCannotBeDeletedUntilItIsReleased() {
        String db = securityGroup(vpcId, "db");
        world().dependencies.use("arn:aws:rds:us-east-1:123456789012:db:shop", db);

        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(db)), "DependencyViolation");

        world().dependencies.release("arn:aws:rds:us-east-1:123456789012:db:shop");
        ec2.deleteSecurityGroup(r -> r.groupId(db));
    }

    @Test
    void aGroupOfARunningInstanceCannotBeDeletedUntilTheInstanceIsTerminated() {
        String web = securityGroup(vpcId, "web");
        String instance = runInstance(baseImage(), subnet(vpcId, "10.10.0.0/24", "us-east-1a"), web);

        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(web)), "DependencyViolation");

        ec2.terminateInstances(r -> r.instanceIds(instance));
        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(web)), "DependencyViolation");
        advance(ModeledDurations.INSTANCE_TERMINATE);
        ec2.deleteSecurityGroup(r -> r.groupId(web));
    }

    @Test
    void theDefaultGroupCannotBeDeleted() {
        String defaultGroup = ec2.describeSecurityGroups(r -> r.filters(filter("vpc-id", vpcId),
                filter("group-name", "default"))).securityGroups().get(0).groupId();

        assertEc2Error(() -> ec2.deleteSecurityGroup(r -> r.groupId(defaultGroup)), "CannotDelete");

        ec2.deleteVpc(r -> r.vpcId(vpcId));
        assertEc2Error(() -> ec2.describeSecurityGroups(r -> r.groupIds(defaultGroup)), "InvalidGroup.NotFound");
    }

    @Test
    void badProtocolsAndPortsAreRefused() {
        String web = securityGroup(vpcId, "web");

        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").ipRanges(x -> x.cidrIp("0.0.0.0/0")).build())), "InvalidParameterValue");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(web).ipPermissions(IpPermission.builder()
                .ipProtocol("tcpx").fromPort(1).toPort(2).ipRanges(x -> x.cidrIp("0.0.0.0/0")).build())),
                "InvalidParameterValue");
        assertEc2Error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(web)
                .ipPermissions(tcpFromCidr(80, "10.0.0.1/16"))), "InvalidParameterValue");
    }
}
