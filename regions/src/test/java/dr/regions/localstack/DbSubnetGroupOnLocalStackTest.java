package dr.regions.localstack;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.model.SubnetRole;
import dr.regions.aws.AwsClients;
import dr.regions.database.DatabaseRoles;
import dr.regions.database.DbSubnetGroupStep;
import dr.regions.network.NetworkRoles;
import dr.regions.network.SubnetStep;
import dr.regions.network.ZoneSelection;
import dr.regions.network.VpcStep;
import dr.regions.step.RegionTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.Subnet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DB subnet group over the two database subnets, on LocalStack's RDS. RDS is a LocalStack Pro service: with
 * the pinned account-free image this class is skipped (and says so); it runs when the image is switched to one
 * that serves RDS and {@code LOCALSTACK_AUTH_TOKEN} is set.
 */
@OnLocalStack(services = {"ec2", "rds"})
class DbSubnetGroupOnLocalStackTest {
    private static final String REGION = "us-west-2";
    private static final StackSpec SPEC = LocalStack.spec("lsrds", REGION);

    @RegisterExtension
    static final LocalStack.Provisioned STACK = new LocalStack.Provisioned(DbSubnetGroupOnLocalStackTest::steps);

    private static List<Step> steps(AwsClients clients) {
        RegionTarget target = new RegionTarget(SPEC, RegionRole.PRIMARY, clients);
        List<Step> steps = new ArrayList<>();
        steps.add(new VpcStep(target));
        ZoneSelection zones = new ZoneSelection(target);
        for (SubnetRole subnet : SubnetRole.values()) {
            steps.add(new SubnetStep(target, subnet, SubnetStep.firstLook(target), zones));
        }
        steps.add(new DbSubnetGroupStep(target));
        return steps;
    }

    @Test
    void theGroupSpansExactlyTheTwoDatabaseSubnets() {
        assertThat(STACK.firstRun().failed()).as("failed steps").isEmpty();
        DBSubnetGroup group = STACK.clients().rds(REGION)
                .describeDBSubnetGroups(r -> r.dbSubnetGroupName(SPEC.name(DatabaseRoles.SUBNET_GROUP)))
                .dbSubnetGroups().get(0);

        assertThat(group.subnets()).extracting(Subnet::subnetIdentifier).containsExactlyInAnyOrder(
                subnetId(SubnetRole.DB_A), subnetId(SubnetRole.DB_B));
    }

    @Test
    void aSecondRunKeepsTheGroup() {
        ExecutionResult again = STACK.runAgain();

        assertThat(again.outcome(StepKey.of(REGION, DatabaseRoles.SUBNET_GROUP)).action()).isEqualTo(Action.KEEP);
    }

    private static String subnetId(SubnetRole role) {
        return STACK.firstRun().outcome(StepKey.of(REGION, NetworkRoles.subnet(role))).resourceId();
    }
}
