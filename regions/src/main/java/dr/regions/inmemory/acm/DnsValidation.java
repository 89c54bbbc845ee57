package dr.regions.inmemory.acm;

import dr.regions.inmemory.route53.DnsNames;
import dr.regions.inmemory.world.AcmState;
import dr.regions.inmemory.world.AcmState.DomainValidation;
import dr.regions.inmemory.world.MarkerPages;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * ACM's DNS validation: the CNAME a certificate asks for, and whether it exists in a public hosted zone of
 * the Route 53 fake (read through its SDK operations). ACM derives the record from the domain and the
 * account, so requesting another certificate for the same domain asks for the same record, and a wildcard
 * shares the record of its base domain.
 */
final class DnsValidation {
    private final World world;

    DnsValidation(World world) {
        this.world = world;
    }

    static DomainValidation forDomain(String domain) {
        String base = domain.startsWith("*.") ? domain.substring(2) : domain;
        String token = digest("name:" + World.ACCOUNT_ID + ":" + base);
        String target = digest("value:" + World.ACCOUNT_ID + ":" + base);
        DomainValidation validation = new DomainValidation();
        validation.domainName = domain;
        validation.validationDomain = domain;
        validation.recordName = "_" + token.substring(0, 32) + "." + base + ".";
        validation.recordValue = "_" + target.substring(0, 32) + "." + letters(target.substring(32, 42))
                + ".acm-validations.aws.";
        return validation;
    }

    /**
     * Whether the validation CNAME, with the value ACM expects, is in a public zone that contains its name. Asked of
     * Route 53 as an internal lookup: the eventual-consistency fault's miss is meant for dr, not for ACM.
     */
    boolean recordPublished(DomainValidation validation) {
        return world.faults().internal(() -> recordPublished(world.services().route53(), validation));
    }

    private static boolean recordPublished(Route53Client route53, DomainValidation validation) {
        for (HostedZone zone : publicZones(route53)) {
            if (!DnsNames.within(validation.recordName, zone.name())) {
                continue;
            }
            List<ResourceRecordSet> found = route53.listResourceRecordSets(r -> r
                    .hostedZoneId(zone.id())
                    .startRecordName(validation.recordName)
                    .startRecordType("CNAME")
                    .maxItems("1")).resourceRecordSets();
            boolean published = found.stream().anyMatch(set -> DnsNames.absolute(set.name())
                    .equals(DnsNames.absolute(validation.recordName))
                    && "CNAME".equals(set.typeAsString())
                    && set.resourceRecords().stream().map(ResourceRecord::value)
                            .anyMatch(v -> DnsNames.absolute(v).equals(DnsNames.absolute(validation.recordValue))));
            if (published) {
                return true;
            }
        }
        return false;
    }

    private static List<HostedZone> publicZones(Route53Client route53) {
        return MarkerPages.all(marker -> route53.listHostedZones(r -> r.marker(marker)),
                        ListHostedZonesResponse::hostedZones, ListHostedZonesResponse::nextMarker).stream()
                .filter(z -> z.config() == null || !Boolean.TRUE.equals(z.config().privateZone()))
                .toList();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ACM's validation targets use a label of lower-case letters. */
    private static String letters(String hex) {
        StringBuilder out = new StringBuilder();
        for (char c : hex.toCharArray()) {
            out.append((char) ('a' + Character.digit(c, 16)));
        }
        return out.toString();
    }
}
