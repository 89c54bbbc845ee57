package dr.regions.discovery;

import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.dns.HostedZones;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxStore;
import dr.regions.provision.ProvisionFixture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox account holding stack {@code dr} as provisioning builds it today plus {@link StackExtras}, and decoys
 * cleanup must never touch: stack {@code other}, provisioned the same way in the same regions with its own extras,
 * and an untagged VPC with an untagged security group in each region. Built once per test run and handed out as
 * copies (through the sandbox's JSON form), so each test starts from the same world.
 */
public final class StackWorld {
    public static final String PRIMARY = ProvisionFixture.PRIMARY;
    public static final String DR = ProvisionFixture.DR;
    public static final List<String> REGIONS = List.of(PRIMARY, DR);
    public static final String STACK = "dr";
    public static final String OTHER = "other";

    private static Template template;

    public final InMemoryCloud cloud;
    public final StackExtras.Built dr;
    public final StackExtras.Built other;
    /** Region → id of the untagged VPC, and of the untagged security group in it. */
    public final Map<String, String> untaggedVpcs;
    public final Map<String, String> untaggedGroups;

    private record Template(String json, StackExtras.Built dr, StackExtras.Built other, Map<String, String> vpcs,
                            Map<String, String> groups) {
    }

    private StackWorld(InMemoryCloud cloud, Template template) {
        this.cloud = cloud;
        this.dr = template.dr();
        this.other = template.other();
        this.untaggedVpcs = template.vpcs();
        this.untaggedGroups = template.groups();
    }

    /** A fresh copy of the shared world. */
    public static synchronized StackWorld create() {
        if (template == null) {
            template = build();
        }
        return new StackWorld(new InMemoryCloud(SandboxStore.fromJson(template.json())), template);
    }

    private static Template build() {
        ProvisionFixture fixture = new ProvisionFixture();
        InMemoryCloud cloud = fixture.cloud();
        Map<String, String> vpcs = new LinkedHashMap<>();
        Map<String, String> groups = new LinkedHashMap<>();
        for (String region : REGIONS) {
            var ec2 = cloud.ec2(region);
            String vpc = ec2.createVpc(r -> r.cidrBlock("172.31.0.0/16")).vpc().vpcId();
            vpcs.put(region, vpc);
            groups.put(region, ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("untagged")
                    .description("not dr's")).groupId());
        }
        requireSuccess(fixture.provision(spec(STACK)));
        StackExtras.Built dr = new StackExtras(cloud, STACK, PRIMARY, DR, StackExtras.DOMAIN).build();
        requireSuccess(fixture.provision(spec(OTHER)));
        StackExtras.Built other = new StackExtras(cloud, OTHER, PRIMARY, DR, OTHER + "." + StackExtras.DOMAIN)
                .build();
        cloud.world().calls().reset();
        return new Template(SandboxStore.toJson(cloud.world()), dr, other, Map.copyOf(vpcs), Map.copyOf(groups));
    }

    private static void requireSuccess(ProvisionReport report) {
        if (!report.succeeded()) {
            throw new AssertionError("provision failed: " + report.result().failed());
        }
    }

    /** The default spec with another stack name (and its own internal zone). */
    public static StackSpec spec(String stack) {
        StackSpec d = ProvisionFixture.defaultSpec();
        return new StackSpec(stack, d.primaryRegion(), d.drRegion(), d.primaryCidr(), d.drCidr(), d.domain(),
                d.adminCidr(), d.natPerAz(), d.webInstanceType(), d.appInstanceType(), d.dbInstanceClass(),
                d.dbAllocatedStorageGib(), d.dbEngineVersion(), d.dbName(), d.dbMasterUsername(), d.primaryCapacity(),
                d.drCapacity(), d.healthCheckPath(), d.healthCheckIntervalSeconds(), d.healthCheckFailureThreshold(),
                stack + ".internal");
    }

    /**
     * Adds an operator's own record under the stack's name, {@code api.example.com TXT}, that points at nothing of
     * the stack's: discovery must not list it, cleanup must not delete it. Returns the id of the zone holding it.
     */
    public String addOperatorRecord() {
        var route53 = cloud.route53();
        String zone = HostedZones.publicZone(route53, "example.com").orElseThrow().id();
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.changes(c -> c
                .action("CREATE").resourceRecordSet(rr -> rr.name("api.example.com").type("TXT").ttl(60L)
                        .resourceRecords(v -> v.value("\"owner=web-team\""))))));
        return zone;
    }

    public Inventory inventory(String stack) {
        return new StackInventory(cloud, stack).scan(REGIONS);
    }
}
