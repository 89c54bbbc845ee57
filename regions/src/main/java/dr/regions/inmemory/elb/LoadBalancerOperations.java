package dr.regions.inmemory.elb;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.Timeline;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer and the load balancer attributes. */
final class LoadBalancerOperations {
    static final String PROVISIONING = "provisioning";
    static final String ACTIVE = "active";
    static final String DELETION_PROTECTION = "deletion_protection.enabled";

    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9-]{1,32}$");
    /** DescribeLoadBalancerAttributes of a new ALB (API reference, LoadBalancerAttribute). */
    private static final Map<String, String> DEFAULT_ATTRIBUTES = Map.ofEntries(
            Map.entry(DELETION_PROTECTION, "false"),
            Map.entry("access_logs.s3.enabled", "false"),
            Map.entry("access_logs.s3.bucket", ""),
            Map.entry("access_logs.s3.prefix", ""),
            Map.entry("idle_timeout.timeout_seconds", "60"),
            Map.entry("client_keep_alive.seconds", "3600"),
            Map.entry("routing.http2.enabled", "true"),
            Map.entry("routing.http.drop_invalid_header_fields.enabled", "false"),
            Map.entry("routing.http.desync_mitigation_mode", "defensive"),
            Map.entry("routing.http.x_amzn_tls_version_and_cipher_suite.enabled", "false"),
            Map.entry("routing.http.xff_client_port.enabled", "false"),
            Map.entry("routing.http.preserve_host_header.enabled", "false"),
            Map.entry("routing.http.xff_header_processing.mode", "append"),
            Map.entry("load_balancing.cross_zone.enabled", "true"),
            Map.entry("waf.fail_open.enabled", "false"));

    private final World world;
    private final String region;
    private final ElbState state;
    private final Ec2Lookup ec2;

    LoadBalancerOperations(World world, String region, ElbState state) {
        this.world = world;
        this.region = region;
        this.state = state;
        this.ec2 = new Ec2Lookup(world, region);
    }

    CreateLoadBalancerResponse create(CreateLoadBalancerRequest request) {
        String name = request.name();
        validateName(name);
        String type = request.typeAsString() == null ? "application" : request.typeAsString();
        if (!type.equals("application")) {
            throw new UnsupportedOperationException("only application load balancers are modeled, not " + type);
        }
        String scheme = request.schemeAsString() == null ? "internet-facing" : request.schemeAsString();
        if (!scheme.equals("internet-facing") && !scheme.equals("internal")) {
            throw ElbErrors.validation("Scheme '" + scheme + "' is not valid");
        }
        String ipAddressType = request.ipAddressTypeAsString() == null ? "ipv4" : request.ipAddressTypeAsString();

        List<Subnet> subnets = subnets(request);
        Map<String, String> subnetZones = subnetZones(subnets);
        String vpcId = vpcOf(subnets);
        List<String> securityGroups = securityGroups(request.securityGroups(), vpcId);
        Map<String, String> tags = ElbTags.of(request.tags());

        ElbState.LoadBalancer existing = byName(name);
        if (existing != null) {
            if (existing.scheme.equals(scheme) && existing.type.equals(type)
                    && existing.subnetZones.keySet().equals(subnetZones.keySet())
                    && new HashSet<>(existing.securityGroups).equals(new HashSet<>(securityGroups))) {
                return CreateLoadBalancerResponse.builder()
                        .loadBalancers(ElbModel.loadBalancer(existing, world.time()))
                        .build();
            }
            throw ElbErrors.duplicateLoadBalancerName(name);
        }
        if (scheme.equals("internet-facing") && !ec2.hasInternetGateway(vpcId)) {
            throw ElbErrors.invalidSubnet("VPC " + vpcId + " has no internet gateway");
        }

        ElbState.LoadBalancer lb = new ElbState.LoadBalancer();
        String id = world.ids.hex(16);
        lb.arn = world.arn("elasticloadbalancing", region, "loadbalancer/app/" + name + "/" + id);
        lb.name = name;
        lb.dnsName = (scheme.equals("internal") ? "internal-" : "") + name + "-" + dnsNumber() + "." + region
                + ".elb.amazonaws.com";
        lb.canonicalHostedZoneId = AlbHostedZones.of(region);
        lb.scheme = scheme;
        lb.type = type;
        lb.ipAddressType = ipAddressType;
        lb.vpcId = vpcId;
        lb.createdAt = world.time();
        lb.subnetZones = subnetZones;
        lb.securityGroups = securityGroups;
        lb.lifecycle = Timeline.startingAt(world.time(), PROVISIONING).then(ACTIVE, ModeledDurations.ALB_PROVISION);
        lb.tags = tags;
        lb.attributes = new TreeMap<>(DEFAULT_ATTRIBUTES);
        state.loadBalancers.put(lb.arn, lb);

        List<String> used = new ArrayList<>(subnetZones.keySet());
        used.addAll(securityGroups);
        world.dependencies.use(lb.arn, used.toArray(String[]::new));
        world.faults().created(lb.arn);
        return CreateLoadBalancerResponse.builder().loadBalancers(ElbModel.loadBalancer(lb, world.time())).build();
    }

    DescribeLoadBalancersResponse describe(DescribeLoadBalancersRequest request) {
        boolean byNames = request.hasNames() && !request.names().isEmpty();
        boolean byArns = request.hasLoadBalancerArns() && !request.loadBalancerArns().isEmpty();
        if (byNames && byArns) {
            throw ElbErrors.validation("Load balancer names and load balancer ARNs cannot be specified at the same time");
        }
        List<ElbState.LoadBalancer> found = new ArrayList<>();
        if (byNames) {
            List<String> missing = new ArrayList<>();
            for (String name : request.names()) {
                ElbState.LoadBalancer lb = byName(name);
                if (lb == null || !world.faults().visible(lb.arn)) {
                    missing.add(name);
                } else {
                    found.add(lb);
                }
            }
            if (!missing.isEmpty()) {
                throw ElbErrors.loadBalancerNotFound("Load balancers '" + missing + "' not found");
            }
        } else if (byArns) {
            for (String arn : request.loadBalancerArns()) {
                found.add(visible(arn));
            }
        } else {
            found.addAll(state.loadBalancers.values());
        }
        MarkerPage<ElbState.LoadBalancer> page = MarkerPage.of(found, request.marker(), request.pageSize());
        return DescribeLoadBalancersResponse.builder()
                .loadBalancers(page.items().stream().map(lb -> ElbModel.loadBalancer(lb, world.time())).toList())
                .nextMarker(page.nextMarker())
                .build();
    }

    /** Deleting also deletes the listeners and their rules; a load balancer that is already gone is no error. */
    DeleteLoadBalancerResponse delete(DeleteLoadBalancerRequest request) {
        if (request.loadBalancerArn() == null) {
            throw ElbErrors.missing("loadBalancerArn");
        }
        ElbState.LoadBalancer lb = state.loadBalancers.get(request.loadBalancerArn());
        if (lb == null) {
            return DeleteLoadBalancerResponse.builder().build();
        }
        if (Boolean.parseBoolean(lb.attributes.get(DELETION_PROTECTION))) {
            throw ElbErrors.operationNotPermitted("Load balancer '" + lb.arn
                    + "' cannot be deleted because deletion protection is enabled");
        }
        List<String> listenerArns = state.listeners.values().stream()
                .filter(l -> l.loadBalancerArn.equals(lb.arn))
                .map(l -> l.arn)
                .toList();
        for (String listenerArn : listenerArns) {
            ListenerOperations.removeListener(world, state, listenerArn);
        }
        state.loadBalancers.remove(lb.arn);
        world.dependencies.release(lb.arn);
        return DeleteLoadBalancerResponse.builder().build();
    }

    DescribeLoadBalancerAttributesResponse describeAttributes(DescribeLoadBalancerAttributesRequest request) {
        ElbState.LoadBalancer lb = existing(request.loadBalancerArn());
        return DescribeLoadBalancerAttributesResponse.builder().attributes(attributes(lb.attributes)).build();
    }

    ModifyLoadBalancerAttributesResponse modifyAttributes(ModifyLoadBalancerAttributesRequest request) {
        ElbState.LoadBalancer lb = existing(request.loadBalancerArn());
        if (!request.hasAttributes() || request.attributes().isEmpty()) {
            throw ElbErrors.missing("attributes");
        }
        Map<String, String> changed = new LinkedHashMap<>();
        for (LoadBalancerAttribute attribute : request.attributes()) {
            String key = attribute.key();
            if (key == null || !DEFAULT_ATTRIBUTES.containsKey(key)) {
                throw ElbErrors.validation("Load balancer attribute key '" + key + "' is not recognized");
            }
            String value = attribute.value() == null ? "" : attribute.value();
            if (key.endsWith(".enabled") && !value.equals("true") && !value.equals("false")) {
                throw ElbErrors.validation("Load balancer attribute value '" + value + "' for key '" + key
                        + "' is not valid: it must be 'true' or 'false'");
            }
            changed.put(key, value);
        }
        lb.attributes.putAll(changed);
        return ModifyLoadBalancerAttributesResponse.builder().attributes(attributes(lb.attributes)).build();
    }

    private static List<LoadBalancerAttribute> attributes(Map<String, String> attributes) {
        return attributes.entrySet().stream()
                .map(e -> LoadBalancerAttribute.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    ElbState.LoadBalancer existing(String arn) {
        if (arn == null) {
            throw ElbErrors.missing("loadBalancerArn");
        }
        ElbState.LoadBalancer lb = state.loadBalancers.get(arn);
        if (lb == null) {
            throw ElbErrors.loadBalancerNotFound("One or more load balancers not found");
        }
        return lb;
    }

    private ElbState.LoadBalancer visible(String arn) {
        ElbState.LoadBalancer lb = existing(arn);
        if (!world.faults().visible(arn)) {
            throw ElbErrors.loadBalancerNotFound("One or more load balancers not found");
        }
        return lb;
    }

    private ElbState.LoadBalancer byName(String name) {
        return state.loadBalancers.values().stream().filter(lb -> lb.name.equals(name)).findFirst().orElse(null);
    }

    private static void validateName(String name) {
        if (name == null) {
            throw ElbErrors.missing("name");
        }
        if (name.length() > 32) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot be longer than '32' characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw ElbErrors.validation("Load balancer name '" + name
                    + "' can only contain characters that are alphanumeric characters and hyphens(-)");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin or end with a hyphen");
        }
        if (name.startsWith("internal-")) {
            throw ElbErrors.validation("Load balancer name '" + name + "' cannot begin with 'internal-'");
        }
    }

    private List<Subnet> subnets(CreateLoadBalancerRequest request) {
        Set<String> subnetIds = new LinkedHashSet<>();
        if (request.hasSubnets()) {
            subnetIds.addAll(request.subnets());
        }
        if (request.hasSubnetMappings()) {
            for (SubnetMapping mapping : request.subnetMappings()) {
                subnetIds.add(mapping.subnetId());
            }
        }
        List<Subnet> subnets = new ArrayList<>();
        for (String subnetId : subnetIds) {
            subnets.add(ec2.subnet(subnetId).orElseThrow(() -> ElbErrors.subnetNotFound(subnetId)));
        }
        return subnets;
    }

    /**
     * Subnet id → availability zone. AWS: "At least two subnets in two different Availability Zones must be
     * specified" (ValidationError) and "A load balancer cannot be attached to multiple subnets in the same
     * Availability Zone" (InvalidConfigurationRequest).
     */
    private static Map<String, String> subnetZones(List<Subnet> subnets) {
        Map<String, String> zones = new LinkedHashMap<>();
        for (Subnet subnet : subnets) {
            zones.put(subnet.subnetId(), subnet.availabilityZone());
        }
        if (zones.size() < 2) {
            throw ElbErrors.validation("At least two subnets in two different Availability Zones must be specified");
        }
        if (new HashSet<>(zones.values()).size() < zones.size()) {
            throw ElbErrors.invalidConfiguration(
                    "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
        }
        return zones;
    }

    private static String vpcOf(List<Subnet> subnets) {
        Set<String> vpcs = new LinkedHashSet<>();
        for (Subnet subnet : subnets) {
            vpcs.add(subnet.vpcId());
        }
        if (vpcs.size() > 1) {
            throw ElbErrors.invalidConfiguration("The subnets must all belong to the same VPC");
        }
        return vpcs.iterator().next();
    }

    /** The requested groups, which must exist in the load balancer's VPC; none requested: the VPC's default. */
    private List<String> securityGroups(List<String> requested, String vpcId) {
        if (requested == null || requested.isEmpty()) {
            return ec2.defaultSecurityGroup(vpcId).map(sg -> List.of(sg.groupId())).orElse(List.of());
        }
        List<String> groups = new ArrayList<>();
        for (String groupId : new LinkedHashSet<>(requested)) {
            SecurityGroup group = ec2.securityGroup(groupId).orElseThrow(() ->
                    ElbErrors.invalidSecurityGroup("Security group '" + groupId + "' does not exist"));
            if (!vpcId.equals(group.vpcId())) {
                throw ElbErrors.invalidSecurityGroup("Security group '" + groupId + "' does not belong to VPC '"
                        + vpcId + "'");
            }
            groups.add(groupId);
        }
        return groups;
    }

    /** The number in an ALB's DNS name ({@code my-alb-1234567890.us-east-1.elb.amazonaws.com}). */
    private long dnsNumber() {
        return 1_000_000_000L + Long.parseLong(world.ids.hex(8), 16) % 1_000_000_000L;
    }
}
