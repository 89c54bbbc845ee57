package dr.regions.discovery;

import dr.core.model.Regions;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds every resource of one stack from its tags alone, with read-only calls: per region the network, compute,
 * Auto Scaling, load balancing, RDS, AWS Backup and ACM; globally Route 53, CloudFront and the CLOUDFRONT-scope
 * WAF web ACL; and ACM in us-east-1 (CloudFront's certificates) even when neither stack region is us-east-1.
 * Nothing without this stack's {@code dr:stack} tag is ever listed (Route 53 zones and health checks: dr's
 * CallerReference prefix; records: see {@link DnsReader}). A region that cannot be reached is named in the
 * inventory's {@code unreachable} instead of failing the whole scan, so {@code dr status} can still report the
 * other one.
 */
public final class StackInventory {
    private final AwsClients clients;
    private final StackTag stack;
    private final boolean identity;

    public StackInventory(AwsClients clients, String stack) {
        this(clients, new StackTag(Objects.requireNonNull(stack, "stack")), false);
    }

    private StackInventory(AwsClients clients, StackTag stack, boolean identity) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.stack = stack;
        this.identity = identity;
    }

    /**
     * The same scan plus the stack's IAM roles and instance profiles, for cleanup. Left out of the others (status, the
     * drill, graph), which need no IAM permission and so make no IAM call.
     */
    public StackInventory withIdentity() {
        return new StackInventory(clients, stack, true);
    }

    public Inventory scan(String... regions) {
        return scan(List.of(regions));
    }

    public Inventory scan(Collection<String> regions) {
        Set<String> scanned = new LinkedHashSet<>(regions);
        List<StackResource> found = new ArrayList<>();
        Map<String, String> unreachable = new LinkedHashMap<>();
        KindReads reads = new KindReads();
        for (String region : scanned) {
            try {
                found.addAll(region(region, reads));
            } catch (SdkClientException e) {
                unreachable.put(region, message(e));
            }
        }
        if (!scanned.contains(Regions.GLOBAL_EDGE)) {
            try {
                found.addAll(reads.read(Regions.GLOBAL_EDGE, ResourceKind.CERTIFICATE, () -> new CertificateReader(
                        clients.acm(Regions.GLOBAL_EDGE), Regions.GLOBAL_EDGE, stack).read()));
            } catch (SdkClientException e) {
                unreachable.put(Regions.GLOBAL_EDGE, message(e));
            }
        }
        found.addAll(global(found, unreachable, reads));
        return new Inventory(stack.stack(), List.copyOf(scanned), found, unreachable, reads.notVerified());
    }

    /**
     * CloudFront and Route 53 are global services; the web ACL is read through the us-east-1 endpoint, so an
     * outage of us-east-1 loses only the web ACL. Route 53 records are matched against what was found before.
     */
    private List<StackResource> global(List<StackResource> regional, Map<String, String> unreachable,
                                       KindReads reads) {
        EdgeReader edge = new EdgeReader(clients.cloudFront(), clients.wafv2(Regions.GLOBAL_EDGE), stack);
        List<StackResource> found = new ArrayList<>();
        try {
            found.addAll(reads.read(StackResource.GLOBAL, ResourceKind.DISTRIBUTION, edge::distributions));
        } catch (SdkClientException e) {
            unreachable.put(StackResource.GLOBAL, message(e));
        }
        try {
            found.addAll(reads.read(StackResource.GLOBAL, ResourceKind.WEB_ACL, edge::webAcls));
        } catch (SdkClientException e) {
            unreachable.putIfAbsent(Regions.GLOBAL_EDGE, message(e));
        }
        List<StackResource> context = new ArrayList<>(regional);
        context.addAll(found);
        try {
            found.addAll(reads.read(StackResource.GLOBAL, List.of(ResourceKind.HOSTED_ZONE, ResourceKind.RECORD_SET,
                    ResourceKind.HEALTH_CHECK), null, () -> new DnsReader(clients.route53(), stack).read(context)));
        } catch (SdkClientException e) {
            unreachable.put(StackResource.GLOBAL, message(e));
        }
        if (identity) {
            try {
                found.addAll(reads.read(StackResource.GLOBAL, List.of(ResourceKind.IAM_ROLE,
                        ResourceKind.INSTANCE_PROFILE), null, () -> new IdentityReader(clients.iam(), stack).read()));
            } catch (SdkClientException e) {
                unreachable.putIfAbsent(StackResource.GLOBAL, message(e));
            }
        }
        return found;
    }

    private List<StackResource> region(String region, KindReads reads) {
        List<StackResource> found = new ArrayList<>(new NetworkReader(clients.ec2(region), region, stack, reads)
                .read());
        AutoScalingReader autoScaling = new AutoScalingReader(clients.autoScaling(region), region, stack);
        List<StackResource> groups = reads.read(region, ResourceKind.AUTO_SCALING_GROUP, autoScaling::read);
        found.addAll(new ComputeReader(clients.ec2(region), region, stack, reads)
                .read(autoScaling.groupOfInstance()));
        found.addAll(groups);
        found.addAll(reads.read(region, List.of(ResourceKind.LOAD_BALANCER, ResourceKind.LISTENER,
                ResourceKind.LISTENER_RULE, ResourceKind.TARGET_GROUP), null,
                () -> new LoadBalancerReader(clients.elb(region), region, stack).read()));
        found.addAll(reads.read(region, List.of(ResourceKind.DB_INSTANCE, ResourceKind.DB_SUBNET_GROUP), null,
                () -> new DatabaseReader(clients.rds(region), region, stack).read()));
        found.addAll(new BackupReader(clients.backup(region), clients.ec2(region), region, stack, reads).read());
        found.addAll(reads.read(region, ResourceKind.CERTIFICATE,
                () -> new CertificateReader(clients.acm(region), region, stack).read()));
        return found;
    }

    private static String message(SdkClientException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
