package dr.regions.certificates;

import dr.regions.aws.AwsTags;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.Tags;
import dr.regions.aws.AwsClients;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A public, DNS-validated ACM certificate in one region, issued: requested with the stack's tags, its validation
 * CNAMEs UPSERTed into the public zone of the domain, then waited on until {@code ISSUED}. Serves both the regional
 * ALB certificates and CloudFront's certificate in us-east-1; only the region, names and tags differ.
 *
 * <p>ACM cannot filter by tag, so the certificate is found by listing the region's pending and issued certificates
 * with the wanted names and reading each candidate's tags ({@code dr:stack}, {@code dr:role}). Tags are part of the
 * request, so a crash right after it still leaves a certificate that is found. The validation records are checked on
 * every run: ACM's managed renewal needs them to stay in the zone.
 */
public final class CertificateStep extends EnsureStep {
    private static final Set<String> BROKEN = Set.of("FAILED", "VALIDATION_TIMED_OUT", "REVOKED", "EXPIRED",
            "INACTIVE");

    private final AwsClients clients;
    private final String region;
    private final String zoneDomain;
    private final String domainName;
    private final List<String> alternativeNames;
    private final Map<String, String> tags;
    private ValidationRecords validation;
    private boolean recordsPublished;

    /**
     * @param zoneDomain        the domain whose public zone receives the validation records
     * @param domainName        the certificate's domain name (may be a wildcard)
     * @param alternativeNames  further names, without {@code domainName}
     */
    public CertificateStep(StepKey key, List<StepKey> dependsOn, AwsClients clients, String region, String zoneDomain,
                           String domainName, List<String> alternativeNames, Map<String, String> tags) {
        super(key, dependsOn, "AWS::CertificateManager::Certificate", ModeledDurations.ACM_VALIDATION);
        this.clients = clients;
        this.region = region;
        this.zoneDomain = zoneDomain;
        this.domainName = domainName;
        this.alternativeNames = List.copyOf(alternativeNames);
        this.tags = Map.copyOf(tags);
    }

    public String region() {
        return region;
    }

    public String domainName() {
        return domainName;
    }

    /** Validation can take longer than the modeled few minutes when DNS is slow; ACM itself gives up after 72 h. */
    @Override
    public Duration timeout() {
        return Duration.ofMinutes(90);
    }

    @Override
    protected Optional<String> find(StepContext context) {
        Set<String> wantedNames = allNames();
        for (CertificateSummary summary : acm().listCertificatesPaginator(r -> r.certificateStatuses(
                        CertificateStatus.PENDING_VALIDATION, CertificateStatus.ISSUED)).certificateSummaryList()) {
            boolean sameNames = domainName.equals(summary.domainName())
                    && new HashSet<>(namesOf(summary)).equals(wantedNames);
            if (sameNames && isOurs(summary.certificateArn())) {
                return Optional.of(summary.certificateArn());
            }
        }
        return Optional.empty();
    }

    private Set<String> allNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(domainName);
        names.addAll(alternativeNames);
        return names;
    }

    private static List<String> namesOf(CertificateSummary summary) {
        return summary.hasSubjectAlternativeNameSummaries() ? summary.subjectAlternativeNameSummaries()
                : List.of(summary.domainName());
    }

    private boolean isOurs(String arn) {
        Map<String, String> present = new HashMap<>();
        acm().listTagsForCertificate(r -> r.certificateArn(arn)).tags().forEach(t -> present.put(t.key(), t.value()));
        return tags.get(Tags.STACK).equals(present.get(Tags.STACK)) && tags.get(Tags.ROLE).equals(present.get(Tags.ROLE));
    }

    @Override
    protected String create(StepContext context) {
        return acm().requestCertificate(r -> {
            r.domainName(domainName)
                    .validationMethod(ValidationMethod.DNS)
                    .keyAlgorithm(KeyAlgorithm.RSA_2048)
                    .tags(AwsTags.acm(tags));
            if (!alternativeNames.isEmpty()) {
                r.subjectAlternativeNames(allNames());
            }
        }).certificateArn();
    }

    /** Publishes missing validation records; ACM may not list them for a few seconds after the request. */
    @Override
    protected boolean converge(StepContext context, String arn) {
        try {
            ValidationRecords.Result result = validation().publish(describe(arn));
            recordsPublished = result.complete();
            return result.changed();
        } catch (ResourceNotFoundException notYetVisible) {
            return false;
        }
    }

    @Override
    protected ResourceState readiness(StepContext context, String arn) {
        CertificateDetail detail = describe(arn);
        if (!recordsPublished) {
            recordsPublished = validation().publish(detail).complete();
        }
        String status = detail.statusAsString();
        if (BROKEN.contains(status)) {
            return ResourceState.broken(status);
        }
        if (!recordsPublished) {
            return ResourceState.waiting(status + " (waiting for ACM to name the validation records)");
        }
        return ResourceState.of(status, CertificateStatus.ISSUED.toString());
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String arn) {
        return Map.of("id", arn, "arn", arn, "domainName", domainName, "region", region);
    }

    private CertificateDetail describe(String arn) {
        return acm().describeCertificate(r -> r.certificateArn(arn)).certificate();
    }

    private ValidationRecords validation() {
        if (validation == null) {
            validation = new ValidationRecords(clients.route53(), zoneDomain);
        }
        return validation;
    }

    private AcmClient acm() {
        return clients.acm(region);
    }
}
