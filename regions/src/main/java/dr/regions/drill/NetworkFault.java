package dr.regions.drill;

import dr.regions.dns.DnsNames;
import dr.core.model.RegionRole;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The network fault: the primary load balancers' subnets are moved to a network ACL of the stack's that denies
 * everything. A new custom ACL has only the deny rules ("a custom network ACL denies all inbound and outbound traffic
 * until you add rules", Amazon VPC User Guide, "Custom network ACLs"), and ACLs are stateless, so unlike revoking
 * security group ingress it also stops connections already established (security groups keep tracked connections;
 * EC2 User Guide, "Security group connection tracking"). {@link #save} reads each subnet's ACL (the caller journals
 * it), {@link #cut} moves the subnets still elsewhere onto the deny ACL (made on first use, found by its tags),
 * {@link #restore} moves each subnet back to its saved ACL and deletes the deny ACL once nothing uses it: any number of
 * times, from any process.
 */
public final class NetworkFault {
    public static final String KIND = "network";
    static final String ROLE = "nacl-drill-deny";

    private final AwsClients clients;

    /** What a restore did: subnets moved back, subnets already on their saved ACL, deny ACLs deleted. */
    public record Restored(int moved, int alreadyBack, int deleted) {
        public String describe() {
            return (moved == 0 ? "every saved subnet was already on its own network ACL"
                    : "moved " + moved + " subnet" + (moved == 1 ? "" : "s") + " back to their saved network ACLs"
                    + (alreadyBack == 0 ? "" : " (" + alreadyBack + " already were)"))
                    + (deleted == 0 ? "" : "; deleted the drill's deny-all ACL");
        }
    }

    public NetworkFault(AwsClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The subnets of the load balancers named {@code dnsNames} in {@code region} (DescribeLoadBalancers). */
    public List<String> subnetsOf(String region, List<String> dnsNames) {
        Set<String> wanted = new LinkedHashSet<>();
        dnsNames.stream().filter(Objects::nonNull).map(DnsNames::bare).forEach(wanted::add);
        Set<String> subnets = new LinkedHashSet<>();
        for (LoadBalancer lb : clients.elb(region).describeLoadBalancersPaginator(r -> { }).loadBalancers()) {
            if (wanted.contains(DnsNames.bare(lb.dnsName()))) {
                lb.availabilityZones().stream().map(AvailabilityZone::subnetId).filter(Objects::nonNull)
                        .forEach(subnets::add);
            }
        }
        return List.copyOf(subnets);
    }

    /** The network ACL each subnet is associated with now, exactly as EC2 describes it. */
    public SavedNetwork save(String region, List<String> subnetIds) {
        Map<String, NetworkAcl> bySubnet = aclsBySubnet(region, subnetIds);
        List<SavedNetwork.Subnet> saved = new ArrayList<>();
        String vpcId = null;
        for (String subnet : subnetIds) {
            NetworkAcl acl = bySubnet.get(subnet);
            if (acl == null) {
                throw new IllegalStateException("no network ACL association for subnet " + subnet + " in " + region);
            }
            vpcId = acl.vpcId();
            saved.add(new SavedNetwork.Subnet(subnet, acl.networkAclId()));
        }
        return new SavedNetwork(region, vpcId, saved);
    }

    /** Moves the saved subnets that are not on the deny ACL onto it; returns how many it moved. */
    public int cut(SavedNetwork saved, String stack) {
        Ec2Client ec2 = clients.ec2(saved.region());
        String deny = denyAcl(saved, stack).orElseGet(() -> ec2.createNetworkAcl(r -> r.vpcId(saved.vpcId())
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NETWORK_ACL)
                        .tags(tags(stack)).build())).networkAcl().networkAclId());
        int moved = 0;
        for (String subnet : subnetIds(saved)) {
            NetworkAcl current = aclsBySubnet(saved.region(), List.of(subnet)).get(subnet);
            if (!deny.equals(current.networkAclId())) {
                String association = association(current, subnet);
                ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(deny));
                moved++;
            }
        }
        return moved;
    }

    /** Moves every saved subnet back to its saved ACL, deletes the deny ACL when nothing uses it, then checks. */
    public Restored restore(SavedNetwork saved, String stack) {
        Ec2Client ec2 = clients.ec2(saved.region());
        int moved = 0;
        int back = 0;
        for (SavedNetwork.Subnet subnet : saved.subnets()) {
            NetworkAcl current = aclsBySubnet(saved.region(), List.of(subnet.subnetId())).get(subnet.subnetId());
            if (current.networkAclId().equals(subnet.networkAclId())) {
                back++;
                continue;
            }
            String association = association(current, subnet.subnetId());
            ec2.replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(subnet.networkAclId()));
            moved++;
        }
        int deleted = 0;
        Optional<NetworkAcl> deny = denyAclFull(saved, stack);
        if (deny.isPresent() && deny.get().associations().isEmpty()) {
            ec2.deleteNetworkAcl(r -> r.networkAclId(deny.get().networkAclId()));
            deleted++;
        }
        List<String> missing = missing(saved);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("after the restore, subnets are still off their saved network ACLs: "
                    + String.join("; ", missing));
        }
        return new Restored(moved, back, deleted);
    }

    /** Saved subnets not on their saved ACL right now, one line each (empty when all are back). */
    public List<String> missing(SavedNetwork saved) {
        Map<String, NetworkAcl> current = aclsBySubnet(saved.region(), subnetIds(saved));
        List<String> missing = new ArrayList<>();
        for (SavedNetwork.Subnet subnet : saved.subnets()) {
            NetworkAcl acl = current.get(subnet.subnetId());
            if (acl == null || !acl.networkAclId().equals(subnet.networkAclId())) {
                missing.add(subnet.subnetId() + " is on " + (acl == null ? "no ACL" : acl.networkAclId())
                        + ", not " + subnet.networkAclId());
            }
        }
        return missing;
    }

    /** Subnets of {@code subnetIds} on a drill deny ACL of {@code stack} now (an earlier drill not restored). */
    public List<String> onDenyAcl(String region, String stack, List<String> subnetIds) {
        List<String> denied = new ArrayList<>();
        aclsBySubnet(region, subnetIds).forEach((subnet, acl) -> {
            if (isDenyAcl(acl, stack)) {
                denied.add(subnet + " (" + acl.networkAclId() + ")");
            }
        });
        return denied;
    }

    private Optional<String> denyAcl(SavedNetwork saved, String stack) {
        return denyAclFull(saved, stack).map(NetworkAcl::networkAclId);
    }

    private Optional<NetworkAcl> denyAclFull(SavedNetwork saved, String stack) {
        return clients.ec2(saved.region()).describeNetworkAcls(r -> r.filters(
                        Filter.builder().name("vpc-id").values(saved.vpcId()).build(),
                        Filter.builder().name("tag:" + Tags.STACK).values(stack).build(),
                        Filter.builder().name("tag:" + Tags.ROLE).values(ROLE).build()))
                .networkAcls().stream().findFirst();
    }

    private static boolean isDenyAcl(NetworkAcl acl, String stack) {
        return acl.tags().stream().anyMatch(t -> t.key().equals(Tags.STACK) && t.value().equals(stack))
                && acl.tags().stream().anyMatch(t -> t.key().equals(Tags.ROLE) && t.value().equals(ROLE));
    }

    private Map<String, NetworkAcl> aclsBySubnet(String region, List<String> subnetIds) {
        Map<String, NetworkAcl> bySubnet = new TreeMap<>();
        for (NetworkAcl acl : clients.ec2(region).describeNetworkAcls(r -> r.filters(Filter.builder()
                .name("association.subnet-id").values(subnetIds).build())).networkAcls()) {
            for (NetworkAclAssociation association : acl.associations()) {
                if (subnetIds.contains(association.subnetId())) {
                    bySubnet.put(association.subnetId(), acl);
                }
            }
        }
        return bySubnet;
    }

    private static String association(NetworkAcl acl, String subnetId) {
        return acl.associations().stream().filter(a -> subnetId.equals(a.subnetId())).findFirst()
                .map(NetworkAclAssociation::networkAclAssociationId).orElseThrow();
    }

    private static List<String> subnetIds(SavedNetwork saved) {
        return saved.subnets().stream().map(SavedNetwork.Subnet::subnetId).toList();
    }

    private static List<Tag> tags(String stack) {
        return List.of(Tag.builder().key(Tags.STACK).value(stack).build(),
                Tag.builder().key(Tags.ROLE).value(ROLE).build(),
                Tag.builder().key(Tags.REGION_ROLE).value(RegionRole.PRIMARY.tagValue()).build(),
                Tag.builder().key(Tags.MANAGED_BY).value(Tags.MANAGED_BY_VALUE).build(),
                Tag.builder().key(Tags.NAME).value(stack + "-" + ROLE).build());
    }
}
