package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.time.Duration;
import java.util.Set;

/**
 * A route table that is not its VPC's main one: disassociate its subnets, then delete it. An association that is
 * already gone (its subnet deleted meanwhile) is fine.
 */
final class RouteTableDeletion extends DeletionStep {
    RouteTableDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Ec2Client ec2 = target().clients().ec2(target().region());
        RouteTable table = ec2.describeRouteTables(r -> r.routeTableIds(target().id())).routeTables().get(0);
        for (RouteTableAssociation association : table.associations()) {
            if (Boolean.TRUE.equals(association.main())) {
                continue;
            }
            Quietly.unlessGone(() -> ec2.disassociateRouteTable(
                    r -> r.associationId(association.routeTableAssociationId())));
        }
        ec2.deleteRouteTable(r -> r.routeTableId(target().id()));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("DependencyViolation");
    }
}
