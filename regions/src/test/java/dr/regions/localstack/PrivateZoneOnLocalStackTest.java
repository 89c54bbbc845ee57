package dr.regions.localstack;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseRoles;
import dr.regions.dns.DbRecordStep;
import dr.regions.dns.HostedZones;
import dr.regions.dns.PrivateZoneStep;
import dr.regions.dns.RecordSets;
import dr.regions.dns.Route53Ids;
import dr.regions.network.VpcStep;
import dr.regions.step.RegionTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.VPC;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The region's private hosted zone and its {@code db.} CNAME, on LocalStack's Route 53 and EC2, through the
 * production dns steps. RDS is not in the account-free image, so a stand-in step supplies the database endpoint
 * the record points at.
 */
@OnLocalStack(services = {"ec2", "route53"})
class PrivateZoneOnLocalStackTest {
    private static final String REGION = "eu-west-1";
    private static final StackSpec SPEC = LocalStack.spec("lsdns", REGION);
    private static final String PRIMARY_ENDPOINT = "lsdns-db.abcdefghijkl.eu-west-1.rds.amazonaws.com";
    private static final String PROMOTED_ENDPOINT = "lsdns-db-promoted.abcdefghijkl.eu-west-1.rds.amazonaws.com";

    @RegisterExtension
    static final LocalStack.Provisioned STACK = new LocalStack.Provisioned(
            clients -> steps(clients, PRIMARY_ENDPOINT));

    private static List<Step> steps(AwsClients clients, String databaseEndpoint) {
        RegionTarget target = new RegionTarget(SPEC, RegionRole.PRIMARY, clients);
        StepKey database = target.key(DatabaseRoles.PRIMARY);
        return List.of(new VpcStep(target), new DatabaseStandIn(database, databaseEndpoint),
                new PrivateZoneStep(target), new DbRecordStep(target, database));
    }

    private static Route53Client route53() {
        return STACK.clients().route53();
    }

    private static String zoneId() {
        return STACK.firstRun().outcome(StepKey.of(REGION, PrivateZoneStep.ROLE)).resourceId();
    }

    private static List<String> dbRecordValues() {
        List<ResourceRecordSet> sets = RecordSets.find(route53(), zoneId(), SPEC.dbRecordName(), RRType.CNAME);
        assertThat(sets).as("CNAME sets named %s", SPEC.dbRecordName()).hasSize(1);
        return sets.get(0).resourceRecords().stream().map(ResourceRecord::value).toList();
    }

    @Test
    void zoneAndRecordAreCreated() {
        assertThat(STACK.firstRun().failed()).as("failed steps").isEmpty();
        assertThat(STACK.firstRun().outcome(StepKey.of(REGION, PrivateZoneStep.ROLE)).action()).isEqualTo(Action.CREATE);
        assertThat(STACK.firstRun().outcome(StepKey.of(REGION, DbRecordStep.ROLE)).action()).isEqualTo(Action.CREATE);
    }

    @Test
    void theZoneIsPrivateAndAttachedToTheRegionsVpc() {
        String vpcId = STACK.firstRun().outcome(StepKey.of(REGION, "vpc")).resourceId();
        GetHostedZoneResponse zone = route53().getHostedZone(r -> r.id(zoneId()));

        assertThat(zone.hostedZone().name()).isEqualTo(HostedZones.absolute(SPEC.internalZone()));
        assertThat(zone.hostedZone().config().privateZone()).isTrue();
        assertThat(zone.vpCs()).extracting(VPC::vpcId).contains(vpcId);
    }

    @Test
    void theZoneCarriesTheStackTags() {
        List<Tag> tags = route53().listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE)
                .resourceId(Route53Ids.zone(zoneId()))).resourceTagSet().tags();

        assertThat(tags).extracting(Tag::key, Tag::value)
                .contains(tuple("dr:stack", SPEC.stack()),
                        tuple("dr:role", PrivateZoneStep.ROLE));
    }

    @Test
    void theDbRecordPointsAtTheDatabaseEndpoint() {
        assertThat(dbRecordValues()).containsExactly(PRIMARY_ENDPOINT);
    }

    @Test
    void aRunWithANewDatabaseEndpointRepointsTheRecordAndKeepsTheZone() {
        ExecutionResult repointed = STACK.run(steps(STACK.clients(), PROMOTED_ENDPOINT));
        try {
            assertThat(repointed.failed()).as("failed steps").isEmpty();
            assertThat(repointed.outcome(StepKey.of(REGION, PrivateZoneStep.ROLE)).action()).isEqualTo(Action.KEEP);
            assertThat(repointed.outcome(StepKey.of(REGION, PrivateZoneStep.ROLE)).resourceId()).isEqualTo(zoneId());
            assertThat(repointed.outcome(StepKey.of(REGION, DbRecordStep.ROLE)).action()).isEqualTo(Action.UPDATE);
            assertThat(dbRecordValues()).containsExactly(PROMOTED_ENDPOINT);
        } finally {
            STACK.runAgain();
        }
    }

    @Test
    void aSecondIdenticalRunChangesNothing() {
        ExecutionResult again = STACK.runAgain();

        assertThat(again.failed()).as("failed steps").isEmpty();
        assertThat(again.outcomes()).filteredOn(o -> !o.key().role().equals(DatabaseRoles.PRIMARY))
                .extracting(StepOutcome::action).containsOnly(Action.KEEP);
        assertThat(HostedZones.named(route53(), SPEC.internalZone())).as("zones named %s", SPEC.internalZone()).hasSize(1);
    }

    /** What the database step hands the record step: its endpoint. LocalStack's free image has no RDS. */
    private record DatabaseStandIn(StepKey key, String endpoint) implements Step {
        @Override
        public List<StepKey> dependsOn() {
            return List.of();
        }

        @Override
        public String resourceType() {
            return "AWS::RDS::DBInstance";
        }

        @Override
        public Duration estimate() {
            return ModeledDurations.IMMEDIATE;
        }

        @Override
        public StepResult execute(StepContext context) {
            return StepResult.done(Action.KEEP, "stand-in", Map.of("id", "stand-in", "endpoint", endpoint));
        }
    }
}
