package dr.regions.inmemory.ec2;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTableRulesTest extends Ec2TestSupport {
    private final String vpcId = vpc("10.10.0.0/16");
    private final String subnetId = subnet(vpcId, "10.10.0.0/24", "us-east-1a");
    private final String tableId = ec2.createRouteTable(r -> r.vpcId(vpcId)
            .tagSpecifications(tags("route-table", "dr:role", "public"))).routeTable().routeTableId();

    private Route route(String destination) {
        return table().routes().stream().filter(r -> r.destinationCidrBlock().equals(destination)).findFirst()
                .orElseThrow();
    }

    private RouteTable table() {
        return ec2.describeRouteTables(r -> r.routeTableIds(tableId)).routeTables().get(0);
    }

    @Test
    void aDefaultRouteToTheInternetGatewayExistsOnce() {
        String igw = attachedInternetGateway(vpcId);
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));

        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw)), "RouteAlreadyExists");

        ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0"));
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        assertThat(route("0.0.0.0/0").gatewayId()).isEqualTo(igw);
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("active");
        assertThat(route("0.0.0.0/0").originAsString()).isEqualTo("CreateRoute");
    }

    @Test
    void aRouteToAGatewayOfAnotherVpcOrToNothingIsRefused() {
        String foreignIgw = attachedInternetGateway(vpc("10.20.0.0/16"));

        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId(foreignIgw)), "InvalidParameterValue");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .gatewayId("igw-00000000000000000")), "InvalidGatewayID.NotFound");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId("nat-00000000000000000")), "InvalidNatGatewayID.NotFound");
        assertEc2Error(() -> ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")),
                "MissingParameter");
    }

    @Test
    void aPrivateRouteGoesThroughTheNatGatewayAndBecomesABlackholeWhenItIsDeleted() {
        attachedInternetGateway(vpcId);
        String nat = natGateway(subnetId, elasticIp());
        advance(ModeledDurations.NAT_GATEWAY);
        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("active");

        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        advance(ModeledDurations.NAT_GATEWAY_DELETE);

        assertThat(route("0.0.0.0/0").stateAsString()).isEqualTo("blackhole");
    }

    @Test
    void replacingNeedsAnExistingRoute() {
        String igw = attachedInternetGateway(vpcId);
        String nat = natGateway(subnetId, elasticIp());

        assertEc2Error(() -> ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")
                .natGatewayId(nat)), "InvalidParameterValue");

        ec2.createRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        assertThat(route("0.0.0.0/0").natGatewayId()).isEqualTo(nat);
        assertThat(route("0.0.0.0/0").gatewayId()).isNull();
    }

    @Test
    void deletingAMissingOrTheLocalRouteIsRefused() {
        assertEc2Error(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("0.0.0.0/0")),
                "InvalidRoute.NotFound");
        assertEc2Error(() -> ec2.deleteRoute(r -> r.routeTableId(tableId).destinationCidrBlock("10.10.0.0/16")),
                "InvalidParameterValue");
    }

    @Test
    void aSubnetHasOneExplicitAssociationAtATime() {
        String associationId = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId))
                .associationId();
        String other = ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId();

        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(other).subnetId(subnetId)),
                "Resource.AlreadyAssociated");

        ec2.disassociateRouteTable(r -> r.associationId(associationId));
        assertThat(ec2.associateRouteTable(r -> r.routeTableId(other).subnetId(subnetId)).associationId())
                .startsWith("rtbassoc-");
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnetId)))
                .routeTables()).extracting(RouteTable::routeTableId).containsExactly(other);
    }

    @Test
    void aSubnetOfAnotherVpcCannotBeAssociated() {
        String foreignSubnet = subnet(vpc("10.20.0.0/16"), "10.20.0.0/24", "us-east-1a");

        assertEc2Error(() -> ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(foreignSubnet)),
                "InvalidParameterValue");
    }

    @Test
    void anAssociatedRouteTableCannotBeDeletedUntilDisassociated() {
        String associationId = ec2.associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId))
                .associationId();

        assertEc2Error(() -> ec2.deleteRouteTable(r -> r.routeTableId(tableId)), "DependencyViolation");

        ec2.disassociateRouteTable(r -> r.associationId(associationId));
        ec2.deleteRouteTable(r -> r.routeTableId(tableId));
        assertEc2Error(() -> ec2.describeRouteTables(r -> r.routeTableIds(tableId)), "InvalidRouteTableID.NotFound");
    }

    @Test
    void theMainRouteTableCannotBeDeletedNorDisassociated() {
        RouteTable main = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", vpcId),
                filter("association.main", "true"))).routeTables().get(0);
        String mainAssociation = main.associations().get(0).routeTableAssociationId();

        assertEc2Error(() -> ec2.deleteRouteTable(r -> r.routeTableId(main.routeTableId())), "DependencyViolation");
        assertEc2Error(() -> ec2.disassociateRouteTable(r -> r.associationId(mainAssociation)),
                "InvalidParameterValue");
        assertEc2Error(() -> ec2.disassociateRouteTable(r -> r.associationId("rtbassoc-00000000000000000")),
                "InvalidAssociationID.NotFound");
    }

    @Test
    void routeTablesAreFoundByTag() {
        assertThat(ec2.describeRouteTables(r -> r.filters(filter("tag:dr:role", "public"))).routeTables())
                .extracting(RouteTable::routeTableId).containsExactly(tableId);
    }
}
