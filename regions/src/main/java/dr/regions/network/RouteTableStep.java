package dr.regions.network;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A route table with a default route ({@code 0.0.0.0/0}) to a gateway and explicit associations with its
 * subnets: the public table routes to the internet gateway, a private table to a NAT gateway.
 */
public final class RouteTableStep extends EnsureStep {
    private static final String ANYWHERE = "0.0.0.0/0";

    private final RegionTarget target;
    private final String role;
    private final StepKey gateway;
    private final boolean viaNat;
    private final List<SubnetRole> subnets;
    private RouteTable seen;

    private RouteTableStep(RegionTarget target, String role, StepKey gateway, boolean viaNat, List<SubnetRole> subnets) {
        super(target.key(role), dependencies(target, gateway, subnets), "AWS::EC2::RouteTable",
                ModeledDurations.IMMEDIATE);
        this.target = target;
        this.role = role;
        this.gateway = gateway;
        this.viaNat = viaNat;
        this.subnets = List.copyOf(subnets);
    }

    public static RouteTableStep publicRoutes(RegionTarget target, List<SubnetRole> subnets) {
        return new RouteTableStep(target, NetworkRoles.PUBLIC_ROUTES, target.key(NetworkRoles.INTERNET_GATEWAY), false,
                subnets);
    }

    public static RouteTableStep privateRoutes(RegionTarget target, int zoneIndex, int natZoneIndex,
                                               List<SubnetRole> subnets) {
        return new RouteTableStep(target, NetworkRoles.privateRoutes(zoneIndex),
                target.key(NetworkRoles.nat(natZoneIndex)), true, subnets);
    }

    private static List<StepKey> dependencies(RegionTarget target, StepKey gateway, List<SubnetRole> subnets) {
        List<StepKey> keys = new ArrayList<>();
        keys.add(target.key(NetworkRoles.VPC));
        keys.add(gateway);
        subnets.forEach(s -> keys.add(target.key(NetworkRoles.subnet(s))));
        return keys;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Optional<RouteTable> found = ec2().describeRouteTables(r -> r.filters(Ec2Tags.byRole(target.stack(), role)))
                .routeTables().stream().findFirst();
        found.ifPresent(t -> seen = t);
        return found.map(RouteTable::routeTableId);
    }

    @Override
    protected String create(StepContext context) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        seen = ec2().createRouteTable(r -> r.vpcId(vpcId)
                .tagSpecifications(Ec2Tags.specification(ResourceType.ROUTE_TABLE, target.tags(role)))).routeTable();
        return seen.routeTableId();
    }

    @Override
    protected boolean converge(StepContext context, String tableId) {
        return convergeDefaultRoute(context, tableId) | convergeAssociations(context, tableId);
    }

    private boolean convergeDefaultRoute(StepContext context, String tableId) {
        String gatewayId = context.require(gateway, "id");
        Optional<Route> current = seen.routes().stream().filter(r -> ANYWHERE.equals(r.destinationCidrBlock())).findFirst();
        if (current.isPresent() && gatewayId.equals(viaNat ? current.get().natGatewayId() : current.get().gatewayId())) {
            return false;
        }
        String natId = viaNat ? gatewayId : null;
        String igwId = viaNat ? null : gatewayId;
        if (current.isPresent()) {
            ec2().replaceRoute(r -> r.routeTableId(tableId).destinationCidrBlock(ANYWHERE)
                    .natGatewayId(natId).gatewayId(igwId));
        } else {
            ec2().createRoute(r -> r.routeTableId(tableId).destinationCidrBlock(ANYWHERE)
                    .natGatewayId(natId).gatewayId(igwId));
        }
        return true;
    }

    private boolean convergeAssociations(StepContext context, String tableId) {
        Set<String> associated = seen.associations().stream()
                .map(RouteTableAssociation::subnetId).filter(id -> id != null).collect(Collectors.toSet());
        boolean changed = false;
        for (SubnetRole subnet : subnets) {
            String subnetId = context.require(target.key(NetworkRoles.subnet(subnet)), "id");
            if (!associated.contains(subnetId)) {
                ec2().associateRouteTable(r -> r.routeTableId(tableId).subnetId(subnetId));
                changed = true;
            }
        }
        return changed;
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
