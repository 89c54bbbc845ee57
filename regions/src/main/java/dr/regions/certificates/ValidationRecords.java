package dr.regions.certificates;

import dr.regions.dns.PublicZoneCheck;
import dr.regions.dns.RecordSets;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CNAMEs that prove control of a certificate's names, kept in the domain's public zone. ACM asks for the same
 * record for a name and its wildcard, and for the same name in every region, so two certificates often share one
 * record: an UPSERT with the same value is harmless.
 */
final class ValidationRecords {
    /** ACM's console creates validation records with a 300-second TTL. */
    static final long TTL_SECONDS = 300;

    record Result(boolean complete, boolean changed) {
    }

    private final Route53Client route53;
    private final String zoneDomain;
    private String zoneId;

    ValidationRecords(Route53Client route53, String zoneDomain) {
        this.route53 = route53;
        this.zoneDomain = zoneDomain;
    }

    /**
     * UPSERTs every validation record of {@code certificate} that is missing or different. {@code complete} is false
     * while ACM has not yet named a record for each of the certificate's names.
     */
    Result publish(CertificateDetail certificate) {
        Map<String, String> wanted = new LinkedHashMap<>();
        boolean complete = true;
        for (DomainValidation option : certificate.domainValidationOptions()) {
            ResourceRecord record = option.resourceRecord();
            if (record == null) {
                complete = false;
                continue;
            }
            wanted.put(normal(record.name()), record.value());
        }
        if (!certificate.hasDomainValidationOptions() || certificate.domainValidationOptions().isEmpty()) {
            complete = false;
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> entry : wanted.entrySet()) {
            if (!present(entry.getKey(), entry.getValue())) {
                changes.add(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(ResourceRecordSet.builder()
                        .name(entry.getKey()).type(RRType.CNAME).ttl(TTL_SECONDS)
                        .resourceRecords(v -> v.value(entry.getValue())).build()).build());
            }
        }
        if (!changes.isEmpty()) {
            route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId()).changeBatch(b -> b
                    .comment("dr: ACM DNS validation for " + certificate.domainName())
                    .changes(changes)));
        }
        return new Result(complete, !changes.isEmpty());
    }

    private boolean present(String name, String value) {
        return RecordSets.find(route53, zoneId(), name, RRType.CNAME).stream()
                .anyMatch(set -> set.resourceRecords().stream().anyMatch(v -> normal(v.value()).equals(normal(value))));
    }

    private String zoneId() {
        if (zoneId == null) {
            zoneId = PublicZoneCheck.zoneId(route53, zoneDomain);
        }
        return zoneId;
    }

    private static String normal(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }
}
