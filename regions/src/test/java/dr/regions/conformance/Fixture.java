package dr.regions.conformance;

import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/** Small resources the refusal scenarios build on, created through the production client interface. */
final class Fixture {
    static final String REGION = "us-east-1";
    static final String OTHER_REGION = "us-west-2";

    private final AwsClients clients;

    Fixture(AwsClients clients) {
        this.clients = clients;
    }

    AwsClients clients() {
        return clients;
    }

    Ec2Client ec2() {
        return clients.ec2(REGION);
    }

    String vpc() {
        return ec2().createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
    }

    String subnet(String vpcId, String cidr, String zoneLetter) {
        return ec2().createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(REGION + zoneLetter))
                .subnet().subnetId();
    }

    String securityGroup(String vpcId, String name) {
        return ec2().createSecurityGroup(r -> r.vpcId(vpcId).groupName(name).description(name)).groupId();
    }

    /** Lets {@code sourceGroupId} reach {@code groupId} on port 80: a reference from one group to the other. */
    void allow(String groupId, String sourceGroupId) {
        ec2().authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(80).toPort(80)
                .userIdGroupPairs(p -> p.groupId(sourceGroupId)).build()));
    }

    String dbSubnetGroup(String name) {
        String vpcId = vpc();
        String a = subnet(vpcId, "10.30.1.0/24", "a");
        String b = subnet(vpcId, "10.30.2.0/24", "b");
        clients.rds(REGION).createDBSubnetGroup(r -> r.dbSubnetGroupName(name).dbSubnetGroupDescription(name)
                .subnetIds(a, b));
        return name;
    }

    void dbInstance(String id, String subnetGroup, boolean deletionProtection) {
        dbInstance(id, subnetGroup, deletionProtection, "db.t3.micro");
    }

    void dbInstance(String id, String subnetGroup, boolean deletionProtection, String instanceClass) {
        clients.rds(REGION).createDBInstance(r -> r.dbInstanceIdentifier(id).engine("mysql")
                .dbInstanceClass(instanceClass).allocatedStorage(20).masterUsername("admin")
                .manageMasterUserPassword(true).dbSubnetGroupName(subnetGroup).storageEncrypted(true)
                .deletionProtection(deletionProtection));
    }

    String targetGroup(String vpcId, String name, int port) {
        return clients.elb(REGION).createTargetGroup(r -> r.name(name).protocol(ProtocolEnum.HTTP).port(port)
                .vpcId(vpcId).targetType(TargetTypeEnum.INSTANCE)).targetGroups().get(0).targetGroupArn();
    }

    /** An internet-facing ALB in two new subnets; its VPC gets an internet gateway, which AWS requires first. */
    String loadBalancer(String vpcId, String name) {
        String igw = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
        ec2().attachInternetGateway(r -> r.vpcId(vpcId).internetGatewayId(igw));
        String a = subnet(vpcId, "10.30.11.0/24", "a");
        String b = subnet(vpcId, "10.30.12.0/24", "b");
        String group = securityGroup(vpcId, name + "-sg");
        return clients.elb(REGION).createLoadBalancer(r -> r.name(name).subnets(a, b).securityGroups(group))
                .loadBalancers().get(0).loadBalancerArn();
    }

    String hostedZone(String name, String callerReference) {
        return clients.route53().createHostedZone(r -> r.name(name).callerReference(callerReference))
                .hostedZone().id();
    }
}
