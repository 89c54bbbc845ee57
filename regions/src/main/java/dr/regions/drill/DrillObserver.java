package dr.regions.drill;

import dr.core.clock.Clock;
import dr.core.report.drill.DrillObservation;
import dr.core.report.drill.DrillObservation.Health;
import dr.core.report.drill.DrillObservation.Phase;
import dr.regions.aws.AwsServiceErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One poll of everything a drill watches, as one timestamped {@link DrillObservation}: the health check's status,
 * Route 53's answer for {@code api.<domain>} and which region it names, and which region's instances serve
 * {@link ServedAnswer#PATH} through CloudFront from their own database (only that counts as served by a region). A
 * signal the stack does not have (no domain, no distribution) is left out with a note; a signal that cannot be read
 * this time (an API error, a request that failed) is noted and read again at the next poll,
 * rather than ending a drill whose restore must still run.
 */
public final class DrillObserver {
    private final HealthCheckProbe healthCheck;
    private final DnsProbe dns;
    private final EdgeProbe edge;
    private final Clock clock;

    public DrillObserver(Route53Client route53, AddressResolver resolver, EdgeProbe edge, Clock clock) {
        this.healthCheck = new HealthCheckProbe(route53);
        this.dns = new DnsProbe(route53, resolver);
        this.edge = edge;
        this.clock = clock;
    }

    public DrillObservation observe(Phase phase, DrillTopology topology) {
        Instant at = clock.now();
        List<String> notes = new ArrayList<>();
        Health health = null;
        if (topology.healthCheckId() != null) {
            try {
                HealthCheckProbe.Status status = healthCheck.status(topology.healthCheckId());
                health = status.health();
            } catch (SdkException e) {
                notes.add("health check status not read: " + message(e));
            }
        } else {
            notes.add("no health check");
        }
        String dnsAnswer = null;
        String dnsRegion = null;
        if (topology.hasDns()) {
            try {
                DnsProbe.Answer answer = dns.answer(topology);
                dnsAnswer = answer.data();
                dnsRegion = answer.region();
            } catch (SdkException e) {
                notes.add("DNS answer not read: " + message(e));
            }
        } else {
            notes.add("no api.<domain> record: DNS not observed");
        }
        Integer edgeStatus = null;
        String edgeRegion = null;
        Duration elapsed = null;
        if (topology.hasDistribution()) {
            EdgeProbe.Answer answer = edge.get(topology.distributionDomain(), ServedAnswer.PATH);
            edgeStatus = answer.status();
            elapsed = answer.elapsed();
            Optional<ServedAnswer> served = ServedAnswer.parse(answer.body());
            edgeRegion = answer.status() == 200 ? served.filter(ServedAnswer::servedFromDatabase)
                    .map(ServedAnswer::region).orElse(null) : null;
            if (answer.error() != null) {
                notes.add("CloudFront: " + answer.error());
            } else if (served.isPresent()) {
                notes.add("CloudFront: " + served.get().describe());
            } else if (answer.answered()) {
                notes.add("CloudFront: HTTP " + answer.status() + " without the instances' answer");
            }
        } else {
            notes.add("no CloudFront distribution: web tier not observed");
        }
        return new DrillObservation(at, phase, health, dnsAnswer, dnsRegion, edgeStatus, edgeRegion, elapsed, notes);
    }

    private static String message(SdkException e) {
        return AwsServiceErrors.describe(e);
    }
}
