package dr.regions.promotion;

import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

import java.util.Locale;
import java.util.Optional;

/**
 * The stack's public domain, found in the DR region alone: the one configured, else the name of the certificate on
 * the DR app load balancer's HTTPS listener ({@code *.<domain>}, see {@code CertificateSteps}). Elsewhere commands
 * read it from the CloudFront distribution's alias, but that is an API in us-east-1, which may be down.
 */
final class DrDomain {
    private static final String WILDCARD = "*.";

    private DrDomain() {
    }

    static Optional<String> find(PromotionTarget target, LoadBalancer drAppAlb) {
        if (target.settings().hasDomain()) {
            return Optional.of(target.settings().domain());
        }
        Optional<String> certificate = target.clients().elb(target.drRegion())
                .describeListeners(r -> r.loadBalancerArn(drAppAlb.loadBalancerArn())).listeners().stream()
                .filter(l -> "HTTPS".equals(l.protocolAsString()))
                .map(Listener::certificates).filter(c -> c != null && !c.isEmpty())
                .map(c -> c.get(0)).map(Certificate::certificateArn).findFirst();
        return certificate.map(arn -> target.clients().acm(target.drRegion())
                        .describeCertificate(r -> r.certificateArn(arn)).certificate().domainName())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> name.startsWith(WILDCARD)).map(name -> name.substring(WILDCARD.length()));
    }
}
