package dr.regions.images;

import dr.core.model.StackSpec;
import dr.core.model.SubnetRole;
import dr.regions.network.NetworkRoles;
import dr.regions.security.SecurityRoles;

/** The two application tiers that get a golden image: what their builder runs on and where. */
public enum Tier {
    WEB("web", SecurityRoles.WEB, SubnetRole.WEB_A),
    APP("app", SecurityRoles.APP, SubnetRole.APP_A);

    private final String id;
    private final SecurityRoles securityGroup;
    private final SubnetRole subnet;

    Tier(String id, SecurityRoles securityGroup, SubnetRole subnet) {
        this.id = id;
        this.securityGroup = securityGroup;
        this.subnet = subnet;
    }

    public String id() {
        return id;
    }

    /** {@code builder-web}: the instance the image is taken from. */
    public String builderRole() {
        return "builder-" + id;
    }

    /** {@code image-web}: the golden AMI, in each region. */
    public String imageRole() {
        return "image-" + id;
    }

    /** Step role of the tier's security group. */
    public String securityGroupRole() {
        return securityGroup.role();
    }

    /** Step role of the private subnet the builder runs in. */
    public String subnetRole() {
        return NetworkRoles.subnet(subnet);
    }

    public String instanceType(StackSpec spec) {
        return this == WEB ? spec.webInstanceType() : spec.appInstanceType();
    }

    public String userData(StackSpec spec) {
        return this == WEB ? UserData.web(spec.healthCheckPath()) : UserData.app(spec.healthCheckPath());
    }
}
