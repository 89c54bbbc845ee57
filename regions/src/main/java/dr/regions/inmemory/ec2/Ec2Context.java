package dr.regions.inmemory.ec2;

import dr.core.model.Cidr;
import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.ServiceRegion;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every EC2 operation class shares for one region: the state, the modeled clock, ids, lookups that fail
 * with EC2's not-found codes, lifecycle states read from timelines, and the describe-side rules (filters,
 * eventual consistency, resources that linger after deletion).
 */
final class Ec2Context extends ServiceRegion<Ec2State> {
    Ec2Context(World world, String region) {
        super(world, region, services -> services.ec2);
    }

    String newId(String prefix) {
        return world.ids.next(prefix);
    }

    /** Registers a new resource with the eventual-consistency fault. */
    <T extends Ec2State.Tagged> T created(T resource) {
        world.faults().created(resource.id);
        return resource;
    }

    String arn(String resource) {
        return world.arn("ec2", region, resource);
    }

    /** A public IPv4 address in ranges AWS uses, deterministic like the ids. */
    String newPublicIp() {
        String hex = world.ids.hex(8);
        int[] firstOctets = {3, 18, 34, 35, 44, 52, 54};
        int first = firstOctets[octet(hex, 0) % firstOctets.length];
        return first + "." + octet(hex, 1) + "." + octet(hex, 2) + "." + (1 + octet(hex, 3) % 253);
    }

    /** The subnet's next free private address, handed out in order as AWS does for a fresh subnet. */
    static String nextPrivateIp(Ec2State.Subnet subnet) {
        long address = Cidr.parse(subnet.cidrBlock).network() + subnet.nextHost++;
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    private static int octet(String hex, int index) {
        return Integer.parseInt(hex.substring(2 * index, 2 * index + 2), 16);
    }

    // ---- lookups -------------------------------------------------------------------------------------

    Ec2State.Vpc vpc(String id) {
        Ec2Errors.require(id, "VpcId");
        return found(state.vpcs.get(id), () -> Ec2Errors.notFound("InvalidVpcID.NotFound", "vpc", id));
    }

    Ec2State.Subnet subnet(String id) {
        Ec2Errors.require(id, "SubnetId");
        return found(state.subnets.get(id), () -> Ec2Errors.notFound("InvalidSubnetID.NotFound", "subnet", id));
    }

    Ec2State.SecurityGroup securityGroup(String id) {
        Ec2Errors.require(id, "GroupId");
        return found(state.securityGroups.get(id), () -> groupNotFound(id));
    }

    static AwsServiceException groupNotFound(String id) {
        return Ec2Errors.error("InvalidGroup.NotFound", "The security group '" + id + "' does not exist");
    }

    Ec2State.InternetGateway internetGateway(String id) {
        Ec2Errors.require(id, "InternetGatewayId");
        return found(state.internetGateways.get(id),
                () -> Ec2Errors.notFound("InvalidInternetGatewayID.NotFound", "internetGateway", id));
    }

    Ec2State.Address address(String allocationId) {
        Ec2Errors.require(allocationId, "AllocationId");
        return found(state.addresses.get(allocationId),
                () -> Ec2Errors.notFound("InvalidAllocationID.NotFound", "allocation", allocationId));
    }

    Ec2State.NatGateway natGateway(String id) {
        Ec2Errors.require(id, "NatGatewayId");
        sweepExpired();
        return found(state.natGateways.get(id), () -> natGatewayNotFound(id));
    }

    static AwsServiceException natGatewayNotFound(String id) {
        return Ec2Errors.error("NatGatewayNotFound", "NAT gateway " + id + " was not found");
    }

    Ec2State.RouteTable routeTable(String id) {
        Ec2Errors.require(id, "RouteTableId");
        return found(state.routeTables.get(id),
                () -> Ec2Errors.notFound("InvalidRouteTableID.NotFound", "routeTable", id));
    }

    Ec2State.Instance instance(String id) {
        Ec2Errors.require(id, "InstanceId");
        sweepExpired();
        return found(state.instances.get(id), () -> Ec2Errors.notFound("InvalidInstanceID.NotFound", "instance", id));
    }

    Ec2State.Image image(String id) {
        Ec2Errors.require(id, "ImageId");
        if (!id.matches("ami-([0-9a-f]{8}|[0-9a-f]{17})")) {
            throw Ec2Errors.error("InvalidAMIID.Malformed", "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
        }
        return found(state.images.get(id), () -> imageNotFound(id));
    }

    static AwsServiceException imageNotFound(String id) {
        return Ec2Errors.error("InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
    }

    Ec2State.Snapshot snapshot(String id) {
        Ec2Errors.require(id, "SnapshotId");
        return found(state.snapshots.get(id), () -> snapshotNotFound(id));
    }

    static AwsServiceException snapshotNotFound(String id) {
        return Ec2Errors.error("InvalidSnapshot.NotFound", "The snapshot '" + id + "' does not exist.");
    }

    private static <T> T found(T value, Supplier<AwsServiceException> notFound) {
        if (value == null) {
            throw notFound.get();
        }
        return value;
    }

    // ---- lifecycles ----------------------------------------------------------------------------------

    String stateOf(Timeline timeline) {
        return timeline.stateAt(now());
    }

    String natState(Ec2State.NatGateway nat) {
        return stateOf(nat.timeline);
    }

    /** A NAT gateway that still holds its subnet, Elastic IP and public mapping. */
    boolean natHoldsResources(Ec2State.NatGateway nat) {
        String current = natState(nat);
        return !current.equals("deleted") && !current.equals("failed");
    }

    /** A public NAT gateway that holds its Elastic IP now: mapped to the VPC, blocking release and IGW detach. */
    boolean natHoldsAddress(Ec2State.NatGateway nat) {
        return nat.allocationId != null && nat.failureCode == null && natHoldsResources(nat);
    }

    String instanceState(Ec2State.Instance instance) {
        return stateOf(instance.timeline);
    }

    boolean instanceAlive(Ec2State.Instance instance) {
        return !instanceState(instance).equals("terminated");
    }

    /** Deleted NAT gateways and terminated instances are listed for about an hour, then gone. */
    void sweepExpired() {
        state.natGateways.values().removeIf(nat -> expired(nat.timeline, "deleted", "failed"));
        state.instances.values().removeIf(instance -> expired(instance.timeline, "terminated"));
    }

    private boolean expired(Timeline timeline, String... finalStates) {
        for (String finalState : finalStates) {
            if (timeline.reached(finalState, now())
                    && !timeline.enteredAt(finalState).plus(ModeledDurations.DELETED_STAYS_VISIBLE).isAfter(now())) {
                return true;
            }
        }
        return false;
    }

    // ---- describes -----------------------------------------------------------------------------------

    /**
     * The resources a Describe call returns: those named by id (all must exist, else {@code notFound}), or all
     * of them, then narrowed by the filters. A describe by id or tag may miss a fresh resource once when the
     * eventual-consistency fault is on (only for dr's own calls, see {@code Faults#visible}); by id that reads as
     * not found, as it does on AWS.
     */
    <T extends Ec2State.Tagged> List<T> select(Map<String, T> all, List<String> ids,
            Function<String, AwsServiceException> notFound, Ec2Filter filter,
            BiFunction<T, String, Collection<String>> attributes) {
        List<T> chosen = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : new LinkedHashSet<>(ids)) {
                T resource = all.get(id);
                if (resource == null || !world.faults().visible(id)) {
                    throw notFound.apply(id);
                }
                chosen.add(resource);
            }
        } else {
            chosen.addAll(all.values());
        }
        List<T> matching = new ArrayList<>();
        boolean byTag = filter.hasTagFilter() && (ids == null || ids.isEmpty());
        for (T resource : chosen) {
            if (filter.matches(resource.tags, name -> attributes.apply(resource, name))
                    && (!byTag || world.faults().visible(resource.id))) {
                matching.add(resource);
            }
        }
        return matching;
    }
}
