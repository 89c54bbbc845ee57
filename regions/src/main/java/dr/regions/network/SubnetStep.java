package dr.regions.network;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.core.model.SubnetRole;
import dr.core.model.Tags;
import dr.regions.step.EnsureStep;
import dr.regions.step.FirstLook;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One of the eight subnets; public ones map a public IP on launch. */
public final class SubnetStep extends EnsureStep {
    private final RegionTarget target;
    private final SubnetRole subnet;
    private final FirstLook<Subnet> firstLook;
    private final ZoneSelection zones;
    private Subnet seen;

    /**
     * {@code firstLook}: the stack's subnets of the region, shared by its subnet steps ({@link #firstLook});
     * {@code zones}: the region's zone choice, shared by them too.
     */
    public SubnetStep(RegionTarget target, SubnetRole subnet, FirstLook<Subnet> firstLook, ZoneSelection zones) {
        super(target.key(NetworkRoles.subnet(subnet)), List.of(target.key(NetworkRoles.VPC)), "AWS::EC2::Subnet",
                ModeledDurations.IMMEDIATE);
        this.target = target;
        this.subnet = subnet;
        this.firstLook = firstLook;
        this.zones = zones;
    }

    public static FirstLook<Subnet> firstLook(RegionTarget target) {
        return new FirstLook<>(() -> target.clients().ec2(target.region())
                .describeSubnets(r -> r.filters(Ec2Tags.byStack(target.stack()))).subnets(),
                found -> Ec2Tags.toMap(found.tags()).get(Tags.ROLE));
    }

    @Override
    protected Optional<String> find(StepContext context) {
        String role = NetworkRoles.subnet(subnet);
        Optional<Subnet> found = firstLook(context) ? firstLook.find(context, role) : ec2().describeSubnets(r -> r.filters(
                Ec2Tags.byRole(target.stack(), role))).subnets().stream().findFirst();
        found.ifPresent(s -> seen = s);
        return found.map(Subnet::subnetId);
    }

    @Override
    protected String create(StepContext context) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        seen = ec2().createSubnet(r -> r.vpcId(vpcId)
                .cidrBlock(target.spec().cidrPlan(target.role()).subnet(subnet).toString())
                .availabilityZone(zones.zones().zoneFor(subnet))
                .tagSpecifications(Ec2Tags.specification(ResourceType.SUBNET, tags()))).subnet();
        return seen.subnetId();
    }

    @Override
    protected boolean converge(StepContext context, String subnetId) {
        boolean mapsPublicIp = seen != null && Boolean.TRUE.equals(seen.mapPublicIpOnLaunch());
        if (subnet.isPublic() != mapsPublicIp) {
            ec2().modifySubnetAttribute(r -> r.subnetId(subnetId)
                    .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(subnet.isPublic()).build()));
            return true;
        }
        return false;
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String subnetId) {
        return Map.of("id", subnetId, "az", seen != null ? seen.availabilityZone() : zones.zones().zoneFor(subnet));
    }

    /** The resource tags plus the zone slot, so discovery reads which of the two zones the subnet stands for. */
    private Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>(target.tags(NetworkRoles.subnet(subnet)));
        tags.put(Tags.AZ_SLOT, subnet.zoneSlot());
        return tags;
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
