package dr.regions.inmemory.cloudfront;

import dr.core.model.ModeledDurations;
import dr.regions.drill.ServedAnswer;
import dr.regions.images.UserData;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.EdgeSimulator.EdgeResponse;
import dr.regions.readiness.ReadyStack;
import dr.regions.security.SecurityRoles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox serves {@code /_dr/served} the way the stack's instances do (UserData): through CloudFront to a region's
 * web load balancer, a healthy web instance, which passes it to the region's app load balancer, a healthy app instance,
 * which reads the database {@code db.<internal zone>} names in the region's private zone. The answer names the region
 * and whether the database is writable; when any hop is missing the region does not serve it, whatever its load
 * balancer's fixed {@code /_dr/region} says. A 503 from a region makes CloudFront try the other origin (CloudFront
 * Developer Guide, "Optimize high availability with CloudFront origin failover": 500, 502, 503, 504 are the group's
 * failover codes).
 */
class ServedPathTest {
    private static final String APP = "app." + ReadyStack.DOMAIN;

    private InMemoryCloud cloud;

    @BeforeEach
    void readyStack() {
        cloud = ReadyStack.cloud();
    }

    private EdgeResponse served() {
        return new EdgeSimulator(cloud.world()).get(APP, UserData.SERVED_PATH);
    }

    private ServedAnswer answer(EdgeResponse response) {
        return ServedAnswer.parse(response.body()).orElseThrow(() -> new AssertionError(response.body()));
    }

    private DBInstance database(String region) {
        return cloud.rds(region).describeDBInstances().dbInstances().get(0);
    }

    /** The stack's security group of {@code role} in {@code region}. */
    private SecurityGroup group(String region, SecurityRoles role) {
        return cloud.ec2(region).describeSecurityGroups(r -> r.filters(Filter.builder().name("tag:dr:role")
                .values(role.role()).build())).securityGroups().get(0);
    }

    /** Takes every ingress rule off the group: what it guarded stops being reachable. */
    private void closeGroup(String region, SecurityRoles role) {
        Ec2Client ec2 = cloud.ec2(region);
        SecurityGroup group = group(region, role);
        ec2.revokeSecurityGroupIngress(r -> r.groupId(group.groupId()).ipPermissions(group.ipPermissions()));
    }

    private void primaryDark() {
        cloud.world().faults().regionUnreachable(ReadyStack.PRIMARY);
    }

    /** A 200 naming {@code region}, its own database, and whether that is writable. */
    private void assertServedBy(String region, boolean writable) {
        EdgeResponse response = served();
        assertThat(response.statusCode()).isEqualTo(200);
        ServedAnswer answer = answer(response);
        assertThat(answer.region()).isEqualTo(region);
        assertThat(answer.writable()).isEqualTo(writable);
        assertThat(answer.database()).isEqualTo(database(region).endpoint().address());
    }

    @Test
    void theReadyStackIsServedByThePrimarysInstancesFromItsWritableDatabase() {
        assertServedBy(ReadyStack.PRIMARY, true);
    }

    @Test
    void withThePrimaryDarkDrServesFromItsReadReplicaWhichIsNotWritable() {
        primaryDark();

        assertServedBy(ReadyStack.DR, false);
    }

    @Test
    void onceTheReplicaIsPromotedDrAnswersThatItsDatabaseIsWritable() {
        primaryDark();
        String replica = database(ReadyStack.DR).dbInstanceIdentifier();
        cloud.rds(ReadyStack.DR).promoteReadReplica(r -> r.dbInstanceIdentifier(replica));
        cloud.world().clock().advance(ModeledDurations.RDS_PROMOTE.plus(Duration.ofMinutes(1)));

        assertThat(answer(served()).writable()).isTrue();
    }

    @Test
    void drWebInstancesThatAreUnhealthyServeNothingThoughTheLoadBalancerStillAnswersItsFixedResponse() {
        primaryDark();
        closeGroup(ReadyStack.DR, SecurityRoles.WEB);

        EdgeResponse response = served();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(ServedAnswer.parse(response.body())).isEmpty();
        assertThat(new EdgeSimulator(cloud.world()).get(APP, "/_dr/region").body()).isEqualTo(ReadyStack.DR);
    }

    @Test
    void drAppInstancesThatAreUnhealthyServeNothing() {
        primaryDark();
        closeGroup(ReadyStack.DR, SecurityRoles.APP);

        assertThat(served().statusCode()).isEqualTo(503);
    }

    @Test
    void aDrDatabaseThatIsDownAnswers503NamingTheRegionAndTheError() {
        primaryDark();
        String replica = database(ReadyStack.DR).dbInstanceIdentifier();
        cloud.rds(ReadyStack.DR).deleteDBInstance(r -> r.dbInstanceIdentifier(replica).skipFinalSnapshot(true));

        EdgeResponse deleting = served();

        assertThat(deleting.statusCode()).isEqualTo(503);
        ServedAnswer answer = answer(deleting);
        assertThat(answer.region()).isEqualTo(ReadyStack.DR);
        assertThat(answer.servedFromDatabase()).isFalse();
        assertThat(answer.error()).contains("Can't connect to MySQL server");

        cloud.world().clock().advance(ModeledDurations.RDS_DELETE.plus(Duration.ofMinutes(1)));
        assertThat(answer(served()).error()).as("the endpoint is gone").contains("Unknown MySQL server host");
    }

    @Test
    void aPrimaryDatabaseThatNoLongerAdmitsTheAppTierMakesThePrimaryAnswer503AndCloudFrontFailOverToDr() {
        closeGroup(ReadyStack.PRIMARY, SecurityRoles.DB);

        EdgeResponse response = served();

        assertThat(response.attempts()).extracting(EdgeSimulator.Attempt::statusCode).containsExactly(503, 200);
        assertThat(answer(response).region()).isEqualTo(ReadyStack.DR);
        assertThat(new EdgeSimulator(cloud.world()).get(APP, "/_dr/region").body())
                .as("the fixed response never notices").isEqualTo(ReadyStack.PRIMARY);
    }
}
