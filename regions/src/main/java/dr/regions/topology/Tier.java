package dr.regions.topology;

import dr.core.model.StackSpec;
import dr.regions.network.NetworkRoles;
import dr.core.model.SubnetRole;
import dr.regions.security.SecurityRoles;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The two tiers that sit behind a load balancer: web (the static front end CloudFront fails over) and app (the API
 * Route 53 fails over). Each has its own load balancer, target group, private subnets and security groups.
 */
public enum Tier {
    WEB("web", List.of(SubnetRole.WEB_A, SubnetRole.WEB_B), SecurityRoles.ALB_WEB, SecurityRoles.WEB),
    APP("app", List.of(SubnetRole.APP_A, SubnetRole.APP_B), SecurityRoles.ALB_APP, SecurityRoles.APP);

    private final String role;
    private final List<SubnetRole> subnets;
    private final SecurityRoles loadBalancerGroup;
    private final SecurityRoles instanceGroup;

    Tier(String role, List<SubnetRole> subnets, SecurityRoles loadBalancerGroup, SecurityRoles instanceGroup) {
        this.role = role;
        this.subnets = subnets;
        this.loadBalancerGroup = loadBalancerGroup;
        this.instanceGroup = instanceGroup;
    }

    /** {@code web} or {@code app}: the role of the tier's instances, and the suffix of its resources' roles. */
    public String role() {
        return role;
    }

    /** The private subnets the tier's instances run in, one per availability zone. */
    public List<SubnetRole> subnets() {
        return subnets;
    }

    public SecurityRoles loadBalancerGroup() {
        return loadBalancerGroup;
    }

    public SecurityRoles instanceGroup() {
        return instanceGroup;
    }
    /** {@code builder-web}: the instance the tier's golden image is taken from. */
    public String builderRole() {
        return "builder-" + role;
    }

    /**
     * {@code image-web}: the role of the tier's golden AMI in each region, the image step's key (package
     * {@code dr.regions.images}), whose output {@code id} is an AMI usable in that region.
     */
    public String imageRole() {
        return "image-" + role;
    }

    /** Step role of the tier instances' security group. */
    public String securityGroupRole() {
        return instanceGroup.role();
    }

    /** Step role of the private subnet a builder runs in: the tier's first zone. */
    public String subnetRole() {
        return NetworkRoles.subnet(subnets.get(0));
    }

    public String instanceType(StackSpec spec) {
        return this == WEB ? spec.webInstanceType() : spec.appInstanceType();
    }

    /** The AMI the operator brings for this tier ({@code --web-image}, {@code --app-image}), if any. */
    public Optional<String> givenImage(StackSpec spec) {
        return Optional.ofNullable(this == WEB ? spec.images().web() : spec.images().app());
    }

    /** The tiers whose image dr bakes itself (builder instance, AWS Backup job): those without a given image. */
    public static List<Tier> baked(StackSpec spec) {
        return Arrays.stream(values()).filter(tier -> tier.givenImage(spec).isEmpty()).toList();
    }
}
