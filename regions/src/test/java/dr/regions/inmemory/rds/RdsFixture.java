package dr.regions.inmemory.rds;

import dr.regions.inmemory.InMemoryCloud;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A two-region cloud with what an RDS test needs: in each region a VPC, a DB subnet group over two zones and a
 * DB security group (made through the EC2 and RDS clients, as production would).
 */
final class RdsFixture {
    static final String PRIMARY = "us-east-1";
    static final String DR = "us-west-2";
    static final String SUBNET_GROUP = "shop-db";

    final InMemoryCloud cloud = new InMemoryCloud();
    final Network primary;
    final Network dr;

    record Network(String vpcId, String subnetA, String subnetB, String securityGroupId) {
    }

    RdsFixture() {
        primary = network(PRIMARY, "10.10");
        dr = network(DR, "10.20");
    }

    private Network network(String region, String prefix) {
        Ec2Client ec2 = cloud.ec2(region);
        String vpc = ec2.createVpc(r -> r.cidrBlock(prefix + ".0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + ".5.0/24").availabilityZone(region + "a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(prefix + ".6.0/24").availabilityZone(region + "b"))
                .subnet().subnetId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("shop-db").description("database"))
                .groupId();
        cloud.rds(region).createDBSubnetGroup(r -> r.dbSubnetGroupName(SUBNET_GROUP)
                .dbSubnetGroupDescription("db-a and db-b").subnetIds(a, b));
        return new Network(vpc, a, b, sg);
    }

    RdsClient rds(String region) {
        return cloud.rds(region);
    }

    void advance(Duration duration) {
        cloud.world().clock().advance(duration);
    }

    /**
     * A primary as dr makes it: Multi-AZ, encrypted, backups on, a password sent once (RDS cannot manage it in
     * Secrets Manager while the instance has read replicas), in the primary network.
     */
    DBInstance createPrimary(String id, Consumer<CreateDbInstanceRequest.Builder> overrides) {
        CreateDbInstanceRequest.Builder request = CreateDbInstanceRequest.builder()
                .dbInstanceIdentifier(id)
                .dbInstanceClass("db.t3.medium")
                .engine("mysql")
                .allocatedStorage(20)
                .masterUsername("admin")
                .masterUserPassword("generated-and-forgotten-1")
                .multiAZ(true)
                .storageEncrypted(true)
                .backupRetentionPeriod(7)
                .deletionProtection(true)
                .publiclyAccessible(false)
                .dbSubnetGroupName(SUBNET_GROUP)
                .vpcSecurityGroupIds(primary.securityGroupId());
        overrides.accept(request);
        return rds(PRIMARY).createDBInstance(request.build()).dbInstance();
    }

    DBInstance createPrimary(String id) {
        return createPrimary(id, r -> {
        });
    }

    DBInstance describe(String region, String id) {
        return rds(region).describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    String kmsKeyOf(String region) {
        return "arn:aws:kms:" + region + ":123456789012:key/0f1e2d3c-0000-4000-8000-00000000abcd";
    }

    /** Asserts the call is refused with this modeled exception type, AWS error code and HTTP status. */
    static void assertRefused(ThrowingCallable call, Class<? extends AwsServiceException> type, String code,
                              int status) {
        assertThatThrownBy(call)
                .isInstanceOf(type)
                .satisfies(e -> {
                    AwsServiceException error = (AwsServiceException) e;
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(error.statusCode()).isEqualTo(status);
                });
    }
}
