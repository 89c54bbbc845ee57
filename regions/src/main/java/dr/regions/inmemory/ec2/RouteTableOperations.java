package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationStateCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Route tables, their routes (to an internet gateway or a NAT gateway) and subnet associations. */
final class RouteTableOperations {
    private static final Set<String> FILTERS = Set.of("route-table-id", "vpc-id", "owner-id", "association.subnet-id",
            "association.main", "association.route-table-association-id", "association.route-table-id",
            "route.destination-cidr-block", "route.gateway-id", "route.nat-gateway-id", "route.state", "route.origin");

    private final Ec2Context ctx;

    RouteTableOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    Ec2State.RouteTable createMainRouteTable(Ec2State.Vpc vpc) {
        Ec2State.RouteTable table = newTable(vpc);
        table.main = true;
        table.mainAssociationId = ctx.newId("rtbassoc");
        return table;
    }

    CreateRouteTableResponse createRouteTable(CreateRouteTableRequest request) {
        Ec2State.Vpc vpc = ctx.vpc(request.vpcId());
        Ec2State.RouteTable table = newTable(vpc);
        table.tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "route-table");
        return CreateRouteTableResponse.builder().routeTable(toSdk(table)).build();
    }

    private Ec2State.RouteTable newTable(Ec2State.Vpc vpc) {
        Ec2State.RouteTable table = new Ec2State.RouteTable();
        table.id = ctx.newId("rtb");
        table.vpcId = vpc.id;
        Ec2State.Route local = new Ec2State.Route();
        local.destinationCidrBlock = vpc.cidrBlock;
        local.gatewayId = "local";
        local.origin = "CreateRouteTable";
        table.routes.add(local);
        ctx.state.routeTables.put(table.id, ctx.created(table));
        return table;
    }

    CreateRouteResponse createRoute(CreateRouteRequest request) {
        Ec2State.RouteTable table = ctx.routeTable(request.routeTableId());
        String destination = destination(request.destinationCidrBlock());
        Ec2State.Route route = new Ec2State.Route();
        route.destinationCidrBlock = destination;
        route.origin = "CreateRoute";
        target(table, route, request.gatewayId(), request.natGatewayId(), otherTarget(request));
        if (find(table, destination) != null) {
            throw Ec2Errors.error("RouteAlreadyExists", "The route identified by " + destination + " already exists.");
        }
        table.routes.add(route);
        return CreateRouteResponse.builder().returnValue(true).build();
    }

    private static String otherTarget(CreateRouteRequest request) {
        return firstNonNull(request.instanceId(), request.networkInterfaceId(), request.vpcPeeringConnectionId(),
                request.transitGatewayId(), request.egressOnlyInternetGatewayId(), request.vpcEndpointId(),
                request.localGatewayId(), request.carrierGatewayId(), request.coreNetworkArn());
    }

    ReplaceRouteResponse replaceRoute(ReplaceRouteRequest request) {
        Ec2State.RouteTable table = ctx.routeTable(request.routeTableId());
        String destination = destination(request.destinationCidrBlock());
        Ec2State.Route route = find(table, destination);
        if (route == null) {
            throw Ec2Errors.invalidValue("There is no route defined for '" + destination
                    + "' in the route table. Use CreateRoute instead.");
        }
        Ec2State.Route replacement = new Ec2State.Route();
        target(table, replacement, request.gatewayId(), request.natGatewayId(),
                firstNonNull(request.instanceId(), request.networkInterfaceId(), request.vpcPeeringConnectionId(),
                        request.transitGatewayId(), request.egressOnlyInternetGatewayId(), request.localGatewayId(),
                        request.carrierGatewayId(), request.coreNetworkArn()));
        route.gatewayId = replacement.gatewayId;
        route.natGatewayId = replacement.natGatewayId;
        return ReplaceRouteResponse.builder().build();
    }

    DeleteRouteResponse deleteRoute(DeleteRouteRequest request) {
        Ec2State.RouteTable table = ctx.routeTable(request.routeTableId());
        String destination = destination(request.destinationCidrBlock());
        Ec2State.Route route = find(table, destination);
        if (route == null) {
            throw Ec2Errors.error("InvalidRoute.NotFound",
                    "no route with destination-cidr-block " + destination + " in route table " + table.id);
        }
        if ("local".equals(route.gatewayId)) {
            throw Ec2Errors.invalidValue("cannot remove local route " + destination + " in route table " + table.id);
        }
        table.routes.remove(route);
        return DeleteRouteResponse.builder().build();
    }

    private static String destination(String cidr) {
        Ec2Errors.require(cidr, "DestinationCidrBlock");
        return VpcOperations.parseCidr(cidr, "destinationCidrBlock").toString();
    }

    private static Ec2State.Route find(Ec2State.RouteTable table, String destination) {
        return table.routes.stream().filter(r -> r.destinationCidrBlock.equals(destination)).findFirst().orElse(null);
    }

    /** Checks the one target a route names (an internet gateway of the VPC or a live NAT gateway) and sets it. */
    private void target(Ec2State.RouteTable table, Ec2State.Route route, String gatewayId, String natGatewayId,
            String other) {
        int targets = (gatewayId == null ? 0 : 1) + (natGatewayId == null ? 0 : 1) + (other == null ? 0 : 1);
        if (targets == 0) {
            throw Ec2Errors.missing("gatewayId, natGatewayId or another route target");
        }
        if (targets > 1) {
            throw Ec2Errors.combination("The request must contain exactly one of gatewayId, natGatewayId, "
                    + "networkInterfaceId, vpcPeeringConnectionId, transitGatewayId or instanceId");
        }
        if (other != null) {
            throw Ec2Errors.invalidValue("Route target '" + other + "' is not supported by the in-memory cloud");
        }
        if (gatewayId != null) {
            Ec2State.InternetGateway gateway = ctx.state.internetGateways.get(gatewayId);
            if (gateway == null) {
                throw Ec2Errors.notFound("InvalidGatewayID.NotFound", "gateway", gatewayId);
            }
            if (!table.vpcId.equals(gateway.attachedVpcId)) {
                throw Ec2Errors.invalidValue("route table " + table.id + " and network gateway " + gatewayId
                        + " belong to different networks");
            }
            route.gatewayId = gatewayId;
        } else {
            ctx.sweepExpired();
            Ec2State.NatGateway nat = ctx.state.natGateways.get(natGatewayId);
            if (nat == null || !ctx.natHoldsResources(nat) || ctx.natState(nat).equals("deleting")) {
                throw Ec2Errors.notFound("InvalidNatGatewayID.NotFound", "natGateway", natGatewayId);
            }
            if (!table.vpcId.equals(nat.vpcId)) {
                throw Ec2Errors.invalidValue("route table " + table.id + " and NAT gateway " + natGatewayId
                        + " belong to different networks");
            }
            route.natGatewayId = natGatewayId;
        }
    }

    AssociateRouteTableResponse associateRouteTable(AssociateRouteTableRequest request) {
        Ec2State.RouteTable table = ctx.routeTable(request.routeTableId());
        Ec2Errors.require(request.subnetId(), "SubnetId");
        Ec2State.Subnet subnet = ctx.subnet(request.subnetId());
        if (!subnet.vpcId.equals(table.vpcId)) {
            throw Ec2Errors.invalidValue("Route table " + table.id + " and subnet " + subnet.id
                    + " belong to different networks");
        }
        boolean alreadyAssociated = ctx.state.routeTables.values().stream()
                .anyMatch(t -> t.subnetAssociations.containsValue(subnet.id));
        if (alreadyAssociated) {
            throw Ec2Errors.error("Resource.AlreadyAssociated", "the specified association for route table "
                    + table.id + " conflicts with an existing association");
        }
        String associationId = ctx.newId("rtbassoc");
        table.subnetAssociations.put(associationId, subnet.id);
        return AssociateRouteTableResponse.builder()
                .associationId(associationId)
                .associationState(associated())
                .build();
    }

    DisassociateRouteTableResponse disassociateRouteTable(DisassociateRouteTableRequest request) {
        String associationId = request.associationId();
        Ec2Errors.require(associationId, "AssociationId");
        for (Ec2State.RouteTable table : ctx.state.routeTables.values()) {
            if (associationId.equals(table.mainAssociationId)) {
                throw Ec2Errors.invalidValue("cannot disassociate the main route table association " + associationId);
            }
            if (table.subnetAssociations.remove(associationId) != null) {
                return DisassociateRouteTableResponse.builder().build();
            }
        }
        throw Ec2Errors.notFound("InvalidAssociationID.NotFound", "association", associationId);
    }

    DeleteRouteTableResponse deleteRouteTable(DeleteRouteTableRequest request) {
        Ec2State.RouteTable table = ctx.routeTable(request.routeTableId());
        // The main route table goes only with its VPC; a table with subnets must be disassociated first.
        if (table.main || !table.subnetAssociations.isEmpty()) {
            throw Ec2Errors.dependencyViolation("routeTable", table.id);
        }
        ctx.state.routeTables.remove(table.id);
        return DeleteRouteTableResponse.builder().build();
    }

    DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), FILTERS);
        List<Ec2State.RouteTable> tables = ctx.select(ctx.state.routeTables, request.routeTableIds(),
                id -> Ec2Errors.notFound("InvalidRouteTableID.NotFound", "routeTable", id), filter, this::attribute);
        Ec2Pages.Page<Ec2State.RouteTable> page =
                Ec2Pages.page(tables, request.maxResults(), request.nextToken(), 5, 100);
        return DescribeRouteTablesResponse.builder()
                .routeTables(page.items().stream().map(this::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private Collection<String> attribute(Ec2State.RouteTable table, String name) {
        List<String> values = new ArrayList<>();
        switch (name) {
            case "route-table-id", "association.route-table-id" -> values.add(table.id);
            case "vpc-id" -> values.add(table.vpcId);
            case "owner-id" -> values.add(World.ACCOUNT_ID);
            case "association.subnet-id" -> values.addAll(table.subnetAssociations.values());
            case "association.main" -> {
                if (table.main) {
                    values.add("true");
                }
                table.subnetAssociations.forEach((id, subnet) -> values.add("false"));
            }
            case "association.route-table-association-id" -> {
                if (table.main) {
                    values.add(table.mainAssociationId);
                }
                values.addAll(table.subnetAssociations.keySet());
            }
            case "route.destination-cidr-block" -> table.routes.forEach(r -> values.add(r.destinationCidrBlock));
            case "route.gateway-id" -> table.routes.forEach(r -> values.add(r.gatewayId));
            case "route.nat-gateway-id" -> table.routes.forEach(r -> values.add(r.natGatewayId));
            case "route.state" -> table.routes.forEach(r -> values.add(routeState(table, r)));
            case "route.origin" -> table.routes.forEach(r -> values.add(r.origin));
            default -> {
            }
        }
        return values;
    }

    /** A route whose target is gone (detached gateway, deleted NAT gateway) is a blackhole, as in AWS. */
    private String routeState(Ec2State.RouteTable table, Ec2State.Route route) {
        if ("local".equals(route.gatewayId)) {
            return "active";
        }
        if (route.gatewayId != null) {
            Ec2State.InternetGateway gateway = ctx.state.internetGateways.get(route.gatewayId);
            return gateway != null && table.vpcId.equals(gateway.attachedVpcId) ? "active" : "blackhole";
        }
        Ec2State.NatGateway nat = ctx.state.natGateways.get(route.natGatewayId);
        return nat != null && ctx.natHoldsResources(nat) && !ctx.natState(nat).equals("deleting")
                ? "active" : "blackhole";
    }

    private RouteTable toSdk(Ec2State.RouteTable table) {
        List<RouteTableAssociation> associations = new ArrayList<>();
        if (table.main) {
            associations.add(RouteTableAssociation.builder()
                    .main(true)
                    .routeTableAssociationId(table.mainAssociationId)
                    .routeTableId(table.id)
                    .associationState(associated())
                    .build());
        }
        for (Map.Entry<String, String> association : table.subnetAssociations.entrySet()) {
            associations.add(RouteTableAssociation.builder()
                    .main(false)
                    .routeTableAssociationId(association.getKey())
                    .routeTableId(table.id)
                    .subnetId(association.getValue())
                    .associationState(associated())
                    .build());
        }
        List<Route> routes = table.routes.stream().map(r -> Route.builder()
                .destinationCidrBlock(r.destinationCidrBlock)
                .gatewayId(r.gatewayId)
                .natGatewayId(r.natGatewayId)
                .origin(r.origin)
                .state(routeState(table, r))
                .build()).toList();
        return RouteTable.builder()
                .routeTableId(table.id)
                .vpcId(table.vpcId)
                .ownerId(World.ACCOUNT_ID)
                .associations(associations)
                .routes(routes)
                .propagatingVgws(List.of())
                .tags(Ec2Tags.toSdk(table.tags))
                .build();
    }

    private static RouteTableAssociationState associated() {
        return RouteTableAssociationState.builder().state(RouteTableAssociationStateCode.ASSOCIATED).build();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
