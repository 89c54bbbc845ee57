package dr.regions.inmemory.route53;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.core.model.Cidr;
import dr.regions.images.UserData;
import dr.regions.inmemory.route53.LoadBalancerDirectory.Found;
import dr.regions.inmemory.route53.ListenerRouting.Answer;
import dr.regions.inmemory.world.Ec2State;
import dr.regions.inmemory.world.Route53State.HostedZone;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an instance of the stack answers at {@link UserData#SERVED_PATH}, judged from what it was launched with (its
 * user data, base64 as EC2 keeps it) and the real state of the in-memory cloud. The sandbox's instances run dr's
 * golden images, so they do what {@link UserData}'s scripts do:
 * <ul>
 * <li>a web instance whose user data passes the path to an app load balancer ({@code ProxyPass}) answers with that
 *     load balancer's answer, reached from the instance like any request to it ({@link Reachability}); Apache's
 *     mod_proxy answers 502 when the name does not resolve and 503 when the connection fails;</li>
 * <li>an app instance whose user data names its database ({@code DR_DB_NAME}) resolves that name in the private
 *     zones associated with its VPC and reads the database there: 200 with the region, the endpoint and whether the
 *     database is writable (not a read replica) when the database is in a state that accepts connections, admits the
 *     instance's security groups on its port and has IAM authentication on; else 503 with the MySQL client's
 *     error;</li>
 * <li>any other instance has no such path: 404.</li>
 * </ul>
 * Not modeled: the database user {@code app}, which on AWS the operator creates once (README, "Connecting the app
 * with IAM database authentication"), is taken to exist; so are the instances' way out (NAT) and the RDS
 * certificate bundle.
 */
final class InstanceApplication {
    private static final Pattern PROXY = Pattern.compile("^ProxyPass \"" + Pattern.quote(UserData.SERVED_PATH)
            + "\" \"http://([^/\"]+)", Pattern.MULTILINE);
    private static final Pattern DB_NAME = Pattern.compile("^DR_DB_NAME=(\\S+)$", Pattern.MULTILINE);
    private static final int MYSQL_PORT = 3306;
    /**
     * The states in which an RDS instance takes connections (RDS User Guide, "Viewing Amazon RDS DB instance
     * status"): the others are starting, stopping, stopped, rebooting, being created, deleted or failed.
     */
    private static final Set<String> ACCEPTING = Set.of("available", "backing-up", "modifying",
            "storage-optimization", "configuring-enhanced-monitoring", "configuring-log-exports",
            "configuring-iam-database-auth", "upgrading", "renaming", "resetting-master-credentials");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final World world;
    private final Reachability reachability;

    InstanceApplication(World world, Reachability reachability) {
        this.world = world;
        this.reachability = reachability;
    }

    /** The answer of the first of {@code instanceIds} (healthy targets of {@code lb}) to a GET of the path. */
    Answer served(Found lb, List<String> instanceIds) {
        Optional<Ec2State.Instance> instance = instanceIds.stream()
                .map(id -> world.region(lb.region()).ec2.instances.get(id)).filter(i -> i != null).findFirst();
        String script = instance.map(i -> i.userData).map(InstanceApplication::decode).orElse("");
        Matcher proxy = PROXY.matcher(script);
        if (proxy.find()) {
            Reachability.Probe app = reachability.get(proxy.group(1), 80, false, UserData.SERVED_PATH);
            return switch (app.outcome()) {
                case RESPONDED -> new Answer(app.statusCode(), app.body());
                case DNS_FAILED -> new Answer(502, "Proxy Error: DNS lookup failure for: " + proxy.group(1));
                case CONNECTION_FAILED -> new Answer(503, "Service Unavailable");
            };
        }
        Matcher database = DB_NAME.matcher(script);
        if (database.find()) {
            return readDatabase(lb.region(), instance.get(), database.group(1));
        }
        return new Answer(404, "Not Found");
    }

    private Answer readDatabase(String region, Ec2State.Instance instance, String name) {
        ObjectNode body = JSON.createObjectNode().put("service", "dr-app").put("region", region)
                .put("host", "ip-" + String.valueOf(instance.privateIp).replace('.', '-') + "." + region
                        + ".compute.internal");
        Optional<String> endpoint = resolve(region, instance.vpcId, name);
        if (endpoint.isEmpty()) {
            return error(body, "queryCname ENOTFOUND " + name);
        }
        Optional<DBInstance> db = world.faults().internal(() -> world.services().rds(region).describeDBInstances()
                .dbInstances().stream().filter(d -> d.endpoint() != null
                        && d.endpoint().address().equalsIgnoreCase(endpoint.get())).findFirst());
        if (db.isEmpty()) {
            return error(body, "ERROR 2005 (HY000): Unknown MySQL server host '" + endpoint.get() + "' (-2)");
        }
        if (!ACCEPTING.contains(db.get().dbInstanceStatus()) || !admits(region, db.get(), instance)) {
            return error(body, "ERROR 2003 (HY000): Can't connect to MySQL server on '" + endpoint.get() + ":"
                    + MYSQL_PORT + "' (110)");
        }
        if (!Boolean.TRUE.equals(db.get().iamDatabaseAuthenticationEnabled())) {
            return error(body, "ERROR 1045 (28000): Access denied for user 'app'@'" + instance.privateIp
                    + "' (using password: YES)");
        }
        body.put("database", endpoint.get()).put("writable", db.get().readReplicaSourceDBInstanceIdentifier() == null);
        return new Answer(200, body + "\n");
    }

    private static Answer error(ObjectNode body, String message) {
        return new Answer(503, body.put("error", message) + "\n");
    }

    /** The CNAME the VPC's resolver gives for {@code name}: from a private zone associated with the VPC. */
    private Optional<String> resolve(String region, String vpcId, String name) {
        DnsAnswerer answerer = new DnsAnswerer(world, reachability);
        for (HostedZone zone : world.route53.hostedZones.values()) {
            boolean associated = zone.privateZone && zone.vpcs.stream()
                    .anyMatch(v -> region.equals(v.region) && v.vpcId.equals(vpcId));
            if (associated && DnsNames.within(name, zone.name)) {
                List<String> data = answerer.answer(zone, name, "CNAME").data();
                if (!data.isEmpty()) {
                    return Optional.of(DnsNames.relative(data.get(0)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether one of the database's security groups lets TCP to its port in from one of the instance's groups, or from
     * a CIDR block holding the instance's private address.
     */
    private boolean admits(String region, DBInstance db, Ec2State.Instance instance) {
        List<String> groupIds = db.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::vpcSecurityGroupId)
                .toList();
        if (groupIds.isEmpty()) {
            return false;
        }
        int port = db.endpoint().port() == null ? MYSQL_PORT : db.endpoint().port();
        List<SecurityGroup> groups = world.faults().internal(() -> world.services().ec2(region)
                .describeSecurityGroups(r -> r.groupIds(groupIds)).securityGroups());
        return groups.stream().flatMap(g -> g.ipPermissions().stream())
                .anyMatch(p -> coversTcp(p, port) && (p.userIdGroupPairs().stream()
                        .anyMatch(pair -> instance.securityGroupIds.contains(pair.groupId()))
                        || instance.privateIp != null && p.ipRanges().stream().anyMatch(
                                range -> Cidr.parse(range.cidrIp()).contains(Cidr.parse(instance.privateIp + "/32")))));
    }

    private static boolean coversTcp(IpPermission permission, int port) {
        String protocol = permission.ipProtocol();
        return "-1".equals(protocol) || ("tcp".equals(protocol) || "6".equals(protocol))
                && permission.fromPort() != null && permission.fromPort() <= port && port <= permission.toPort();
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
