package dr.regions.discovery;

import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.Tag;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stack's ACM certificates in one region: ListCertificates (every key type, not just ACM's RSA default), the
 * tags of each with ListTagsForCertificate, and DescribeCertificate for the stack's own (status, names, and the
 * DNS validation records, which Route 53 discovery needs).
 */
final class CertificateReader {
    private final AcmClient acm;
    private final String region;
    private final StackTag stack;

    CertificateReader(AcmClient acm, String region, StackTag stack) {
        this.acm = acm;
        this.region = region;
        this.stack = stack;
    }

    List<StackResource> read() {
        Set<KeyAlgorithm> keyTypes = EnumSet.allOf(KeyAlgorithm.class);
        keyTypes.remove(KeyAlgorithm.UNKNOWN_TO_SDK_VERSION);
        List<StackResource> found = new ArrayList<>();
        for (CertificateSummary summary : acm.listCertificatesPaginator(r -> r.includes(i -> i.keyTypes(keyTypes)))
                .certificateSummaryList()) {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag tag : acm.listTagsForCertificate(r -> r.certificateArn(summary.certificateArn())).tags()) {
                tags.put(tag.key(), tag.value());
            }
            if (!stack.marks(tags)) {
                continue;
            }
            CertificateDetail detail = acm.describeCertificate(r -> r.certificateArn(summary.certificateArn()))
                    .certificate();
            List<String> validation = detail.domainValidationOptions().stream().map(DomainValidation::resourceRecord)
                    .filter(Objects::nonNull).map(record -> record.name() + "=" + record.value()).distinct().toList();
            found.add(StackResource.of(ResourceKind.CERTIFICATE, region, summary.certificateArn(), tags)
                    .state(detail.statusAsString()).with(Attributes.DOMAIN, detail.domainName())
                    .with(Attributes.ALTERNATIVE_NAMES, String.join(",", detail.subjectAlternativeNames()))
                    .with(Attributes.VALIDATION_RECORDS, validation.isEmpty() ? null : String.join(",", validation))
                    .with("inUse", !detail.inUseBy().isEmpty()).build());
        }
        return found;
    }
}
