package dr.regions.dns;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finding hosted zones. Route 53 cannot filter zones by tag, so dr stamps its zones' CallerReference with
 * {@code dr/<stack>/<region>/<role>/} and finds them by name plus that prefix — which also finds a zone
 * whose tagging was cut short by a crash. ListHostedZonesByName answers zone ids with their {@code /hostedzone/}
 * prefix even through the SDK, so every zone found here carries its bare id ({@link Route53Ids#zone}), the form
 * requests take.
 */
public final class HostedZones {
    private HostedZones() {
    }

    /** Zones named exactly {@code name} (with or without the trailing dot), in name order, with bare ids. */
    public static List<HostedZone> named(Route53Client route53, String name) {
        String wanted = absolute(name);
        List<HostedZone> zones = new ArrayList<>();
        String next = wanted;
        String nextZoneId = null;
        while (true) {
            String dnsName = next;
            String zoneId = nextZoneId;
            var page = route53.listHostedZonesByName(r -> r.dnsName(dnsName).hostedZoneId(zoneId));
            for (HostedZone zone : page.hostedZones()) {
                if (!zone.name().equals(wanted)) {
                    return zones;
                }
                zones.add(zone.toBuilder().id(Route53Ids.zone(zone.id())).build());
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return zones;
            }
            next = page.nextDNSName();
            nextZoneId = Route53Ids.zone(page.nextHostedZoneId());
        }
    }

    public static Optional<HostedZone> withCallerPrefix(Route53Client route53, String name, String callerPrefix) {
        return named(route53, name).stream()
                .filter(zone -> zone.callerReference() != null && zone.callerReference().startsWith(callerPrefix))
                .findFirst();
    }

    /** The public zone the operator owns for {@code domain}, if the account has one. */
    public static Optional<HostedZone> publicZone(Route53Client route53, String domain) {
        return named(route53, domain).stream()
                .filter(zone -> zone.config() == null || !Boolean.TRUE.equals(zone.config().privateZone()))
                .findFirst();
    }

    public static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
