package dr.regions.conformance;

import dr.core.clock.Clock;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.time.Instant;

/** Small resources the refusal scenarios build on, created through the production client interface. */
final class Fixture {
    static final String REGION = "us-east-1";
    static final String OTHER_REGION = "us-west-2";

    /** Longer than any modeled RDS create, backup or modify; a database not available by then is a failure. */
    private static final Duration AVAILABLE_WITHIN = Duration.ofHours(2);
    private static final Duration POLL = Duration.ofSeconds(30);

    private final AwsClients clients;
    private final Clock clock;

    Fixture(AwsClients clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
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

    /**
     * An available MySQL instance a read replica can be made of: automated backups on (a replica's source needs them)
     * and its master password given, not managed in Secrets Manager (a managed one rules replicas out).
     */
    void replicaSource(String id, String subnetGroup, boolean copyTagsToSnapshot) {
        clients.rds(REGION).createDBInstance(r -> r.dbInstanceIdentifier(id).engine("mysql")
                .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin")
                .masterUserPassword("conformance-only-1").backupRetentionPeriod(1).dbSubnetGroupName(subnetGroup)
                .copyTagsToSnapshot(copyTagsToSnapshot));
        awaitAvailable(id);
    }

    /** A read replica of {@code sourceId} in the same region, available; {@code copyTagsToSnapshot} null: not given. */
    void readReplica(String id, String sourceId, Boolean copyTagsToSnapshot) {
        clients.rds(REGION).createDBInstanceReadReplica(r -> r.dbInstanceIdentifier(id)
                .sourceDBInstanceIdentifier(sourceId).copyTagsToSnapshot(copyTagsToSnapshot));
        awaitAvailable(id);
    }

    /** The instance as DescribeDBInstances reports it. */
    DBInstance describe(String id) {
        return clients.rds(REGION).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    /** Waits on the implementation's clock (virtual for the in-memory cloud) until the instance is available. */
    void awaitAvailable(String id) {
        Instant deadline = clock.now().plus(AVAILABLE_WITHIN);
        String status;
        while (!(status = describe(id).dbInstanceStatus()).equals("available")) {
            if (clock.now().isAfter(deadline)) {
                throw new IllegalStateException("DB instance " + id + " still " + status + " after "
                        + AVAILABLE_WITHIN);
            }
            clock.waitFor(POLL);
        }
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
