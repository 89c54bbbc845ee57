package dr.regions.dns;

import dr.core.DrException;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;

import java.util.Optional;

/**
 * Preflight for a stack with a domain: the account must already have a public hosted zone for it, because dr
 * writes {@code api.}, {@code app.} and certificate validation records there and never registers domains or
 * creates public zones. Run before the plan so a missing zone stops the command (exit 2) before any change.
 */
public final class PublicZoneCheck {
    private PublicZoneCheck() {
    }

    /** The public zone's id, or empty when the spec has no domain. */
    public static Optional<String> verify(StackSpec spec, AwsClients clients) {
        if (!spec.hasDomain()) {
            return Optional.empty();
        }
        return Optional.of(zoneId(clients.route53(), spec.domain()));
    }

    /** The bare id ({@code Z...}) of the public zone for {@code domain}. */
    public static String zoneId(Route53Client route53, String domain) {
        return HostedZones.publicZone(route53, domain).map(HostedZone::id)
                .orElseThrow(() -> DrException.badInput("no public hosted zone for " + domain
                        + " in this account; dr does not register domains"));
    }
}
