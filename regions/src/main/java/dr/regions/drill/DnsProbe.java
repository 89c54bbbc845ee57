package dr.regions.drill;

import dr.regions.dns.DnsNames;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

import java.util.List;
import java.util.Set;

/**
 * What Route 53 answers for {@code api.<domain>} right now (TestDNSAnswer, which evaluates failover and health like a
 * resolver query), and which region's app load balancer that answer names: by name (an alias answered with the
 * target's name) or by address (answered with the load balancer's IPs, resolved here for comparison).
 */
public final class DnsProbe {
    public static final String UNKNOWN = "unknown";

    private final Route53Client route53;
    private final AddressResolver resolver;

    /** The answer as Route 53 gave it (comma-separated) and the region it names, or {@link #UNKNOWN}. */
    public record Answer(String data, String region) {
    }

    public DnsProbe(Route53Client route53, AddressResolver resolver) {
        this.route53 = route53;
        this.resolver = resolver;
    }

    public Answer answer(DrillTopology topology) {
        TestDnsAnswerResponse response = route53.testDNSAnswer(r -> r.hostedZoneId(topology.hostedZoneId())
                .recordName(topology.apiName()).recordType(RRType.A));
        List<String> data = response.recordData();
        String text = data.isEmpty() ? response.responseCode() : String.join(",", data);
        return new Answer(text, region(data, topology));
    }

    String region(List<String> data, DrillTopology topology) {
        if (names(data, topology.primaryAppAlb())) {
            return topology.primaryRegion();
        }
        if (names(data, topology.drAppAlb())) {
            return topology.drRegion();
        }
        if (resolvesTo(data, topology.primaryAppAlb())) {
            return topology.primaryRegion();
        }
        if (resolvesTo(data, topology.drAppAlb())) {
            return topology.drRegion();
        }
        return UNKNOWN;
    }

    private static boolean names(List<String> data, String loadBalancer) {
        if (loadBalancer == null) {
            return false;
        }
        String wanted = DnsNames.bare(loadBalancer);
        return data.stream().map(DnsNames::bare).anyMatch(wanted::equals);
    }

    private boolean resolvesTo(List<String> data, String loadBalancer) {
        if (loadBalancer == null) {
            return false;
        }
        Set<String> addresses = resolver.addresses(DnsNames.bare(loadBalancer));
        return data.stream().anyMatch(addresses::contains);
    }
}
