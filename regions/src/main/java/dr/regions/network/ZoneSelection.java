package dr.regions.network;

import dr.core.DrException;
import dr.core.model.StackSpec;
import dr.core.model.SubnetRole;
import dr.core.model.Tags;
import dr.core.model.ZonePair;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which two availability zones one region of the stack uses. Zone letters are per account and not every account
 * has every letter, so the zones are asked of EC2, never derived from the region's name:
 * <ol>
 *   <li>the zones the stack's subnets already use, by slot ({@link Tags#AZ_SLOT}, else the subnet's role), so a
 *       re-run or a run resumed after a crash keeps them;</li>
 *   <li>for a slot with no subnet yet, the first zone by name that is an available Availability Zone (not a Local
 *       or Wavelength Zone) and offers every instance type the stack launches there.</li>
 * </ol>
 * Sorting by zone name rather than zone id: both are stable within an account, and the name is what the operator
 * sees in the console and in dr's output; the choice is kept by the subnets' tags, not by the sort.
 * One instance per region is shared by its subnet steps; it asks EC2 once, on the first subnet it must create.
 */
public final class ZoneSelection {
    private final RegionTarget target;
    private ZonePair chosen;

    public ZoneSelection(RegionTarget target) {
        this.target = target;
    }

    /** The zones, asked of EC2 on first use and then fixed for the run. */
    public synchronized ZonePair zones() {
        if (chosen == null) {
            chosen = lookUp(target.clients().ec2(target.region()), target.region(), target.stack(),
                    instanceTypes(target.spec()));
        }
        return chosen;
    }

    /** What a run would use now, with read-only calls (the dry run and the graph show it). */
    public static ZonePair preview(RegionTarget target) {
        return lookUp(target.clients().ec2(target.region()), target.region(), target.stack(),
                instanceTypes(target.spec()));
    }

    /** The instance types the stack launches in its subnets: both tiers (and their image builders), the bastion. */
    public static Set<String> instanceTypes(StackSpec spec) {
        Set<String> types = new TreeSet<>(List.of(spec.webInstanceType(), spec.appInstanceType()));
        if (spec.adminCidr() != null) {
            types.add(NetworkRoles.BASTION_INSTANCE_TYPE);
        }
        return types;
    }

    static ZonePair lookUp(Ec2Client ec2, String region, String stack, Set<String> instanceTypes) {
        Map<String, String> inUse = inUse(ec2, stack);
        if (inUse.size() == ZonePair.SLOTS.size()) {
            return new ZonePair(inUse.get("a"), inUse.get("b"));
        }
        return choose(region, inUse, eligible(ec2, instanceTypes), instanceTypes);
    }

    /** Slot to zone, from the stack's subnets; the first subnet (in role order) of a slot decides it. */
    static Map<String, String> inUse(Ec2Client ec2, String stack) {
        Map<SubnetRole, Subnet> byRole = new TreeMap<>();
        for (Subnet subnet : ec2.describeSubnetsPaginator(r -> r.filters(Ec2Tags.byStack(stack))).subnets()) {
            Map<String, String> tags = Ec2Tags.toMap(subnet.tags());
            for (SubnetRole role : SubnetRole.values()) {
                if (NetworkRoles.subnet(role).equals(tags.get(Tags.ROLE))) {
                    byRole.putIfAbsent(role, subnet);
                }
            }
        }
        Map<String, String> slots = new LinkedHashMap<>();
        byRole.forEach((role, subnet) -> {
            String slot = Ec2Tags.toMap(subnet.tags()).getOrDefault(Tags.AZ_SLOT, role.zoneSlot());
            if (ZonePair.SLOTS.contains(slot)) {
                slots.putIfAbsent(slot, subnet.availabilityZone());
            }
        });
        return slots;
    }

    /** Available Availability Zones offering every type, by name; each with what it lacks when it does not. */
    static Map<String, Set<String>> eligible(Ec2Client ec2, Set<String> instanceTypes) {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (AvailabilityZone zone : ec2.describeAvailabilityZones(r -> r.filters(
                filter("zone-type", "availability-zone"), filter("state", "available"))).availabilityZones()) {
            missing.put(zone.zoneName(), new TreeSet<>(instanceTypes));
        }
        for (InstanceTypeOffering offering : ec2.describeInstanceTypeOfferingsPaginator(r -> r
                        .locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(filter("instance-type", instanceTypes.toArray(String[]::new))))
                .instanceTypeOfferings()) {
            Set<String> lacking = missing.get(offering.location());
            if (lacking != null) {
                lacking.remove(offering.instanceTypeAsString());
            }
        }
        return missing;
    }

    /** Fills the slots without a subnet from the zones that lack nothing, in name order, never reusing a zone. */
    static ZonePair choose(String region, Map<String, String> inUse, Map<String, Set<String>> zones,
            Set<String> instanceTypes) {
        Map<String, String> slots = new LinkedHashMap<>(inUse);
        List<String> candidates = new ArrayList<>();
        zones.forEach((zone, lacking) -> {
            if (lacking.isEmpty() && !slots.containsValue(zone)) {
                candidates.add(zone);
            }
        });
        for (String slot : ZonePair.SLOTS) {
            if (!slots.containsKey(slot) && !candidates.isEmpty()) {
                slots.put(slot, candidates.remove(0));
            }
        }
        if (slots.size() < ZonePair.SLOTS.size()) {
            throw DrException.failed(region + " has no two availability zones that offer " + String.join(" and ",
                    new TreeSet<>(instanceTypes)) + " (" + describe(zones) + "); choose other instance types (--web-instance-type, "
                    + "--app-instance-type) or another region");
        }
        return new ZonePair(slots.get("a"), slots.get("b"));
    }

    private static String describe(Map<String, Set<String>> zones) {
        if (zones.isEmpty()) {
            return "no available zone";
        }
        List<String> parts = new ArrayList<>();
        zones.forEach((zone, lacking) -> parts.add(lacking.isEmpty() ? zone + " offers them"
                : zone + " lacks " + String.join(", ", lacking)));
        return String.join("; ", parts);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }
}
