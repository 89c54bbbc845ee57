package dr.regions.promotion;

import dr.regions.dns.DnsNames;
import dr.regions.drill.EdgeProbe;
import dr.regions.drill.ServedAnswer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which region serves users right now, read through the data planes only, as a user would: what DNS answers for
 * {@code api.<domain>} (the health-checked failover records), and what {@code app.<domain>} answers through CloudFront
 * (the origin group) at {@link ServedAnswer#PATH}, which the web instances pass to their region's app tier, whose
 * instance reads the region's database ({@code SELECT @@global.read_only}). The web tier counts as served from DR only
 * when DR's instances answered from a database they see as writable: after a promotion, that is the promoted database
 * taking writes as the application sees it; a load balancer's fixed {@code /_dr/region} answer would prove neither.
 * No Route 53 or CloudFront API call: during a us-east-1 outage those APIs may be down while their data planes keep
 * serving. The DR side it compares with is read in the DR region (its app load balancer and the certificate that
 * names the domain).
 */
public final class ServingCheck {
    public static final String API = "api";
    public static final String WEB = "web";

    /** One tier's view: where it was served from ({@code onDr}), and what was seen. */
    public record TierView(String tier, String host, boolean onDr, String seen) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("host", host);
            map.put("onDr", onDr);
            map.put("seen", seen);
            return map;
        }
    }

    /** One look. No tiers when the stack has no domain: users then reach the load balancers directly. */
    public record Observation(Instant at, List<TierView> tiers) {
        public boolean allOnDr() {
            return !tiers.isEmpty() && tiers.stream().allMatch(TierView::onDr);
        }
    }

    private final PromotionTarget target;
    private final DnsLookup dns;
    private final EdgeProbe edge;
    private LoadBalancer drAppAlb;
    private Optional<String> domain;

    public ServingCheck(PromotionTarget target, DnsLookup dns, EdgeProbe edge) {
        this.target = target;
        this.dns = dns;
        this.edge = edge;
    }

    public Observation observe(Instant at) {
        if (drAppAlb == null) {
            drAppAlb = DrAppLoadBalancer.find(target);
            domain = DrDomain.find(target, drAppAlb);
        }
        if (domain.isEmpty()) {
            return new Observation(at, List.of());
        }
        List<TierView> tiers = new ArrayList<>();
        tiers.add(api("api." + domain.get()));
        tiers.add(web("app." + domain.get()));
        return new Observation(at, tiers);
    }

    private TierView api(String host) {
        List<String> answer = dns.answer(host);
        if (answer.isEmpty()) {
            return new TierView(API, host, false, "no answer");
        }
        String drName = DnsNames.bare(drAppAlb.dnsName());
        Set<String> drAddresses = dns.addresses(drName);
        boolean onDr = answer.stream().map(DnsNames::bare)
                .anyMatch(a -> a.equals(drName) || drAddresses.contains(a));
        return new TierView(API, host, onDr, (onDr ? "the DR app load balancer " : "not the DR app load balancer: ")
                + String.join(",", answer));
    }

    private TierView web(String host) {
        EdgeProbe.Answer answer = edge.get(host, ServedAnswer.PATH);
        if (!answer.answered()) {
            return new TierView(WEB, host, false, answer.error() == null ? "no answer" : answer.error());
        }
        String seen = "HTTP " + answer.status() + " from " + (answer.region() == null ? "no region named"
                : answer.region());
        Optional<ServedAnswer> served = ServedAnswer.parse(answer.body());
        if (served.isEmpty()) {
            return new TierView(WEB, host, false, seen + ", not the instances' answer at " + ServedAnswer.PATH);
        }
        boolean fromDr = answer.status() < 400 && target.drRegion().equals(served.get().region());
        boolean writable = served.get().servedFromDatabase() && Boolean.TRUE.equals(served.get().writable());
        String unwritable = fromDr && !writable ? ": the app in " + target.drRegion() + " does not see a writable "
                + "database, so DR does not take writes yet" : "";
        return new TierView(WEB, host, fromDr && writable, seen + ": " + served.get().describe() + unwritable);
    }
}
