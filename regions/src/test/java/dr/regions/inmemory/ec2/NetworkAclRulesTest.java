package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Network ACLs as the Amazon VPC User Guide ("Control subnet traffic with network access control lists",
 * https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html) and the EC2 API reference describe them:
 * a VPC's default ACL allows all traffic (rule 100) before the {@code *} deny rule (32767); each subnet is associated
 * with one ACL, the default unless replaced; a custom ACL "denies all inbound and outbound traffic until you add
 * rules"; ReplaceNetworkAclAssociation answers a new association id (API_ReplaceNetworkAclAssociation); an ACL
 * associated with a subnet cannot be deleted (API_DeleteNetworkAcl), nor a VPC holding a custom ACL (API_DeleteVpc);
 * unknown ids answer InvalidNetworkAclID.NotFound / InvalidAssociationID.NotFound (EC2 error codes,
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 */
class NetworkAclRulesTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");
    private final String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");

    private NetworkAcl aclOf(String subnet) {
        return ec2.describeNetworkAcls(r -> r.filters(f -> f.name("association.subnet-id").values(subnet)))
                .networkAcls().get(0);
    }

    private static List<String> rules(NetworkAcl acl, boolean egress) {
        return acl.entries().stream().filter(e -> e.egress() == egress)
                .map(e -> e.ruleNumber() + " " + e.ruleActionAsString() + " " + e.protocol() + " " + e.cidrBlock())
                .sorted().toList();
    }

    @Test
    void everySubnetIsOnItsVpcsDefaultAclWhichAllowsAllThenDenies() {
        NetworkAcl acl = aclOf(subnetId);

        assertThat(acl.isDefault()).isTrue();
        assertThat(acl.vpcId()).isEqualTo(vpcId);
        assertThat(acl.networkAclId()).startsWith("acl-");
        assertThat(rules(acl, false)).containsExactly("100 allow -1 0.0.0.0/0", "32767 deny -1 0.0.0.0/0");
        assertThat(rules(acl, true)).containsExactly("100 allow -1 0.0.0.0/0", "32767 deny -1 0.0.0.0/0");
        assertThat(acl.associations()).singleElement().satisfies(a -> {
            assertThat(a.subnetId()).isEqualTo(subnetId);
            assertThat(a.networkAclAssociationId()).startsWith("aclassoc-");
        });
    }

    @Test
    void aCustomAclDeniesEverythingAndTakesOverASubnetWithANewAssociationId() {
        NetworkAcl original = aclOf(subnetId);
        String oldAssociation = original.associations().get(0).networkAclAssociationId();
        NetworkAcl custom = ec2.createNetworkAcl(r -> r.vpcId(vpcId)
                .tagSpecifications(tags("network-acl", "dr:role", "deny"))).networkAcl();

        assertThat(custom.isDefault()).isFalse();
        assertThat(custom.associations()).isEmpty();
        assertThat(rules(custom, false)).containsExactly("32767 deny -1 0.0.0.0/0");
        assertThat(rules(custom, true)).containsExactly("32767 deny -1 0.0.0.0/0");
        assertThat(custom.tags()).anySatisfy(t -> assertThat(t.value()).isEqualTo("deny"));

        String newAssociation = ec2.replaceNetworkAclAssociation(r -> r.associationId(oldAssociation)
                .networkAclId(custom.networkAclId())).newAssociationId();

        assertThat(newAssociation).startsWith("aclassoc-").isNotEqualTo(oldAssociation);
        assertThat(aclOf(subnetId).networkAclId()).isEqualTo(custom.networkAclId());
        assertEc2Error(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId(oldAssociation)
                .networkAclId(original.networkAclId())), "InvalidAssociationID.NotFound");
        assertEc2Error(() -> ec2.deleteNetworkAcl(r -> r.networkAclId(custom.networkAclId())), "DependencyViolation");
        assertEc2Error(() -> ec2.deleteVpc(r -> r.vpcId(vpcId)), "DependencyViolation");

        ec2.replaceNetworkAclAssociation(r -> r.associationId(newAssociation).networkAclId(original.networkAclId()));
        ec2.deleteNetworkAcl(r -> r.networkAclId(custom.networkAclId()));
        assertThat(aclOf(subnetId).networkAclId()).isEqualTo(original.networkAclId());
        assertEc2Error(() -> ec2.describeNetworkAcls(r -> r.networkAclIds(custom.networkAclId())),
                "InvalidNetworkAclID.NotFound");
    }

    @Test
    void unknownIdsAreRefused() {
        String association = aclOf(subnetId).associations().get(0).networkAclAssociationId();
        assertEc2Error(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId(association)
                .networkAclId("acl-0123456789abcdef0")), "InvalidNetworkAclID.NotFound");
        assertEc2Error(() -> ec2.replaceNetworkAclAssociation(r -> r.associationId("aclassoc-0123456789abcdef0")
                .networkAclId(aclOf(subnetId).networkAclId())), "InvalidAssociationID.NotFound");
        assertEc2Error(() -> ec2.createNetworkAcl(r -> r.vpcId("vpc-0123456789abcdef0")), "InvalidVpcID.NotFound");
    }

    @Test
    void aSubnetDeletedTakesItsAssociationAlong() {
        ec2.deleteSubnet(r -> r.subnetId(subnetId));
        assertThat(ec2.describeNetworkAcls(r -> r.filters(f -> f.name("vpc-id").values(vpcId))).networkAcls())
                .singleElement().satisfies(acl -> assertThat(acl.associations()).isEmpty());
        ec2.deleteVpc(r -> r.vpcId(vpcId));
    }

}
