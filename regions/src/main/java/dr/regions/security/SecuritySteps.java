package dr.regions.security;

import dr.core.engine.Step;
import dr.regions.step.FirstLook;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.List;

/**
 * The six least-privilege security groups of the seed guide: the internet reaches only the load balancers
 * (80/443), each tier only from the tier in front of it, the database only from the app tier on 3306, and
 * SSH only from the bastion, whose own SSH is open only to {@code --admin-cidr} (no rule without it).
 */
public final class SecuritySteps {
    public static final int HTTP = 80;
    public static final int HTTPS = 443;
    public static final int SSH = 22;
    public static final int MYSQL = 3306;
    private static final String ANYWHERE = "0.0.0.0/0";

    private SecuritySteps() {
    }

    public static List<Step> forRegion(RegionTarget target) {
        String adminCidr = target.spec().adminCidr() == null ? null : target.spec().adminCidr().toString();
        FirstLook<SecurityGroup> groups = SecurityGroupStep.firstLook(target);
        return List.of(
                new SecurityGroupStep(target, SecurityRoles.BASTION, List.of(), ids -> adminCidr == null
                        ? List.of() : List.of(IngressRule.fromCidr(SSH, adminCidr)), groups),
                new SecurityGroupStep(target, SecurityRoles.ALB_WEB, List.of(), ids -> publicWeb(), groups),
                new SecurityGroupStep(target, SecurityRoles.ALB_APP, List.of(), ids -> publicWeb(), groups),
                new SecurityGroupStep(target, SecurityRoles.WEB, List.of(SecurityRoles.ALB_WEB, SecurityRoles.BASTION),
                        ids -> List.of(IngressRule.fromGroup(HTTP, ids.apply(SecurityRoles.ALB_WEB)),
                                IngressRule.fromGroup(SSH, ids.apply(SecurityRoles.BASTION))), groups),
                new SecurityGroupStep(target, SecurityRoles.APP, List.of(SecurityRoles.ALB_APP, SecurityRoles.BASTION),
                        ids -> List.of(IngressRule.fromGroup(HTTP, ids.apply(SecurityRoles.ALB_APP)),
                                IngressRule.fromGroup(SSH, ids.apply(SecurityRoles.BASTION))), groups),
                new SecurityGroupStep(target, SecurityRoles.DB, List.of(SecurityRoles.APP),
                        ids -> List.of(IngressRule.fromGroup(MYSQL, ids.apply(SecurityRoles.APP))), groups));
    }

    /** The load balancers' rules; also what a drill revokes and restores. */
    public static List<IngressRule> publicWeb() {
        return List.of(IngressRule.fromCidr(HTTP, ANYWHERE), IngressRule.fromCidr(HTTPS, ANYWHERE));
    }
}
