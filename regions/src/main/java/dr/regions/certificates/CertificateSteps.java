package dr.regions.certificates;

import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.model.Regions;
import dr.core.model.StackSpec;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.step.RegionTarget;

import java.util.List;

/**
 * The stack's certificates, only with a domain (dr validates through the domain's public zone):
 * <ul>
 *   <li>per region, {@code <region>/certificate} for the ALBs' HTTPS listeners: {@code *.<domain>}, which covers
 *   {@code api.<domain>} and also {@code app.<domain>}, the Host header CloudFront forwards to the web origins;</li>
 *   <li>{@code global/cdn-certificate} for CloudFront's {@code app.<domain>}, always in us-east-1, the only region
 *   CloudFront takes certificates from, whatever the stack's regions.</li>
 * </ul>
 */
public final class CertificateSteps {
    public static final String CDN_ROLE = "cdn-certificate";

    private CertificateSteps() {
    }

    /** The region's ALB certificate ({@link LoadBalancingRoles#CERTIFICATE}); none without a domain. */
    public static List<Step> forRegion(RegionTarget target) {
        StackSpec spec = target.spec();
        if (!spec.hasDomain()) {
            return List.of();
        }
        return List.of(new CertificateStep(target.key(LoadBalancingRoles.CERTIFICATE), List.of(), target.clients(),
                target.region(), spec.domain(), regionalName(spec), List.of(),
                target.tags(LoadBalancingRoles.CERTIFICATE)));
    }

    /** CloudFront's certificate in us-east-1; none without a domain. */
    public static List<Step> forCloudFront(StackSpec spec, AwsClients clients) {
        if (!spec.hasDomain()) {
            return List.of();
        }
        return List.of(new CertificateStep(cdnKey(), List.of(), clients, Regions.GLOBAL_EDGE, spec.domain(),
                spec.appRecordName(), List.of(), Tags.forGlobal(spec.stack(), CDN_ROLE)));
    }

    public static StepKey cdnKey() {
        return StepKey.global(CDN_ROLE);
    }

    static String regionalName(StackSpec spec) {
        return "*." + spec.domain();
    }
}
