package dr.regions.inmemory.acm;

import dr.core.model.ModeledDurations;
import dr.regions.inmemory.route53.DnsNames;
import dr.regions.inmemory.world.AcmState;
import dr.regions.inmemory.world.AcmState.Certificate;
import dr.regions.inmemory.world.AcmState.DomainValidation;
import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.AddTagsToCertificateRequest;
import software.amazon.awssdk.services.acm.model.AddTagsToCertificateResponse;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.DeleteCertificateResponse;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.DomainStatus;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesResponse;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateRequest;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateResponse;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.RemoveTagsFromCertificateRequest;
import software.amazon.awssdk.services.acm.model.RemoveTagsFromCertificateResponse;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.acm.model.RequestCertificateResponse;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The in-memory ACM service of one region. A DNS-validated certificate stays PENDING_VALIDATION until each of
 * its validation CNAMEs has been seen in a public hosted zone of the Route 53 fake, and is ISSUED
 * {@link ModeledDurations#ACM_VALIDATION} after the last one was first seen; unvalidated requests time out
 * after 72 hours (ACM User Guide, "DNS validation"). Operations dr does not use keep the SDK's default.
 */
public final class FakeAcm extends FakeClient implements AcmClient {
    /** ACM gives up on validation after 72 hours (VALIDATION_TIMED_OUT). */
    static final Duration VALIDATION_TIMEOUT = Duration.ofHours(72);
    /** Same idempotency token within one hour → the same certificate (API reference, RequestCertificate). */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(1);
    /** Amazon-issued certificates are valid for 395 days. */
    static final Duration VALIDITY = Duration.ofDays(395);
    private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[\\w-]+");
    private static final Pattern TOKEN = Pattern.compile("\\w{1,32}");
    private static final Set<String> DEFAULT_LISTED_KEYS = Set.of("RSA_1024", "RSA_2048");

    private final World world;
    private final String region;
    private final AcmState state;

    public FakeAcm(World world, String region) {
        super(SERVICE_NAME);
        this.world = world;
        this.region = region;
        this.state = world.region(region).acm;
    }

    @Override
    public RequestCertificateResponse requestCertificate(RequestCertificateRequest request) {
        String domain = request.domainName();
        if (domain == null) {
            throw AcmErrors.validation("domainName", null, "Member must not be null");
        }
        if (!DnsNames.isValid(domain) || domain.endsWith(".")) {
            throw AcmErrors.validation("domainName", domain, "Member must satisfy regular expression pattern:"
                    + " ^(\\*\\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$");
        }
        String token = request.idempotencyToken();
        if (token != null && !TOKEN.matcher(token).matches()) {
            throw AcmErrors.validation("idempotencyToken", token, "Member must satisfy regular expression pattern:"
                    + " \\w+");
        }
        if (token != null) {
            for (Certificate existing : state.certificates.values()) {
                if (token.equals(existing.idempotencyToken)
                        && existing.requestedAt.plus(IDEMPOTENCY_WINDOW).isAfter(world.time())) {
                    return RequestCertificateResponse.builder().certificateArn(existing.arn).build();
                }
            }
        }
        Certificate certificate = new Certificate();
        certificate.arn = world.arn("acm", region, "certificate/" + world.ids.uuid());
        certificate.domainName = domain;
        Set<String> names = new LinkedHashSet<>();
        names.add(domain);
        names.addAll(request.subjectAlternativeNames());
        certificate.subjectAlternativeNames = new ArrayList<>(names);
        certificate.validationMethod = request.validationMethodAsString() == null ? "EMAIL"
                : request.validationMethodAsString();
        certificate.keyAlgorithm = request.keyAlgorithmAsString() == null ? "RSA_2048" : request.keyAlgorithmAsString();
        certificate.idempotencyToken = token;
        certificate.requestedAt = world.time();
        for (String name : certificate.subjectAlternativeNames) {
            certificate.validations.add(DnsValidation.forDomain(name));
        }
        for (Tag tag : request.tags()) {
            certificate.tags.put(tag.key(), tag.value());
        }
        state.certificates.put(certificate.arn, certificate);
        world.faults().created(certificate.arn);
        return RequestCertificateResponse.builder().certificateArn(certificate.arn).build();
    }

    @Override
    public DescribeCertificateResponse describeCertificate(DescribeCertificateRequest request) {
        Certificate certificate = certificate(request.certificateArn());
        if (!world.faults().visible(certificate.arn)) {
            throw AcmErrors.notFound(certificate.arn);
        }
        observeValidationRecords();
        return DescribeCertificateResponse.builder().certificate(detail(certificate)).build();
    }

    @Override
    public ListCertificatesResponse listCertificates(ListCertificatesRequest request) {
        observeValidationRecords();
        int maxItems = request.maxItems() == null ? 1000 : request.maxItems();
        if (maxItems < 1 || maxItems > 1000) {
            throw AcmErrors.validation("maxItems", maxItems, "Member must have value between 1 and 1000");
        }
        Set<String> keyTypes = request.includes() == null || request.includes().keyTypes().isEmpty()
                ? DEFAULT_LISTED_KEYS : new LinkedHashSet<>(request.includes().keyTypesAsStrings());
        List<String> statuses = request.certificateStatusesAsStrings();
        List<Certificate> matching = new ArrayList<>();
        for (Certificate certificate : state.certificates.values()) {
            boolean statusMatches = statuses.isEmpty() || statuses.contains(status(certificate));
            if (statusMatches && keyTypes.contains(certificate.keyAlgorithm)
                    && world.faults().visible(certificate.arn)) {
                matching.add(certificate);
            }
        }
        int start = 0;
        if (request.nextToken() != null) {
            start = matching.stream().map(c -> c.arn).toList().indexOf(request.nextToken());
            if (start < 0) {
                throw AcmErrors.invalidParameter("The nextToken " + request.nextToken() + " is not valid.");
            }
        }
        int end = Math.min(matching.size(), start + maxItems);
        return ListCertificatesResponse.builder()
                .certificateSummaryList(matching.subList(start, end).stream().map(this::summary).toList())
                .nextToken(end < matching.size() ? matching.get(end).arn : null)
                .build();
    }

    @Override
    public DeleteCertificateResponse deleteCertificate(DeleteCertificateRequest request) {
        Certificate certificate = certificate(request.certificateArn());
        if (world.dependencies.inUse(certificate.arn)) {
            throw AcmErrors.inUse(certificate.arn);
        }
        state.certificates.remove(certificate.arn);
        return DeleteCertificateResponse.builder().build();
    }

    @Override
    public AddTagsToCertificateResponse addTagsToCertificate(AddTagsToCertificateRequest request) {
        Certificate certificate = certificate(request.certificateArn());
        if (request.tags().isEmpty()) {
            throw AcmErrors.validation("tags", "[]", "Member must have length greater than or equal to 1");
        }
        request.tags().forEach(t -> certificate.tags.put(t.key(), t.value()));
        return AddTagsToCertificateResponse.builder().build();
    }

    @Override
    public RemoveTagsFromCertificateResponse removeTagsFromCertificate(RemoveTagsFromCertificateRequest request) {
        Certificate certificate = certificate(request.certificateArn());
        for (Tag tag : request.tags()) {
            if (tag.value() == null || tag.value().equals(certificate.tags.get(tag.key()))) {
                certificate.tags.remove(tag.key());
            }
        }
        return RemoveTagsFromCertificateResponse.builder().build();
    }

    @Override
    public ListTagsForCertificateResponse listTagsForCertificate(ListTagsForCertificateRequest request) {
        Certificate certificate = certificate(request.certificateArn());
        return ListTagsForCertificateResponse.builder()
                .tags(certificate.tags.entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList())
                .build();
    }

    private Certificate certificate(String arn) {
        if (arn == null) {
            throw AcmErrors.validation("certificateArn", null, "Member must not be null");
        }
        if (!ARN.matcher(arn).matches()) {
            throw AcmErrors.invalidArn(arn);
        }
        Certificate certificate = state.certificates.get(arn);
        if (certificate == null) {
            throw AcmErrors.notFound(arn);
        }
        return certificate;
    }

    /** Records the first sighting of each pending validation CNAME. */
    private void observeValidationRecords() {
        DnsValidation dns = new DnsValidation(world);
        for (Certificate certificate : state.certificates.values()) {
            if (!"DNS".equals(certificate.validationMethod)
                    || !CertificateStatus.PENDING_VALIDATION.toString().equals(status(certificate))) {
                continue;
            }
            for (DomainValidation validation : certificate.validations) {
                if (validation.firstSeenAt == null && dns.recordPublished(validation)) {
                    validation.firstSeenAt = world.time();
                }
            }
        }
    }

    private Instant issuedAt(Certificate certificate) {
        if (!"DNS".equals(certificate.validationMethod)) {
            return null;
        }
        Instant lastSeen = null;
        for (DomainValidation validation : certificate.validations) {
            if (validation.firstSeenAt == null) {
                return null;
            }
            if (lastSeen == null || validation.firstSeenAt.isAfter(lastSeen)) {
                lastSeen = validation.firstSeenAt;
            }
        }
        return lastSeen == null ? null : lastSeen.plus(ModeledDurations.ACM_VALIDATION);
    }

    private String status(Certificate certificate) {
        Instant now = world.time();
        Instant issued = issuedAt(certificate);
        if (issued != null && !issued.isAfter(now)) {
            return CertificateStatus.ISSUED.toString();
        }
        if (!certificate.requestedAt.plus(VALIDATION_TIMEOUT).isAfter(now)) {
            return CertificateStatus.VALIDATION_TIMED_OUT.toString();
        }
        return CertificateStatus.PENDING_VALIDATION.toString();
    }

    private CertificateDetail detail(Certificate certificate) {
        String status = status(certificate);
        boolean issued = status.equals(CertificateStatus.ISSUED.toString());
        Instant issuedAt = issued ? issuedAt(certificate) : null;
        List<String> users = new ArrayList<>(world.dependencies.usersOf(certificate.arn));
        return CertificateDetail.builder()
                .certificateArn(certificate.arn)
                .domainName(certificate.domainName)
                .subjectAlternativeNames(certificate.subjectAlternativeNames)
                .domainValidationOptions(certificate.validations.stream()
                        .map(v -> domainValidation(certificate, v, status))
                        .toList())
                .subject("CN=" + certificate.domainName)
                .issuer(issued ? "Amazon" : null)
                .createdAt(certificate.requestedAt)
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .notAfter(issuedAt == null ? null : issuedAt.plus(VALIDITY))
                .status(status)
                .keyAlgorithm(certificate.keyAlgorithm)
                .signatureAlgorithm(issued ? "SHA256WITHRSA" : null)
                .inUseBy(users)
                .type("AMAZON_ISSUED")
                .renewalEligibility(users.isEmpty() ? "INELIGIBLE" : "ELIGIBLE")
                .build();
    }

    private static software.amazon.awssdk.services.acm.model.DomainValidation domainValidation(
            Certificate certificate, DomainValidation validation, String certificateStatus) {
        String status = switch (certificateStatus) {
            case "ISSUED" -> DomainStatus.SUCCESS.toString();
            case "VALIDATION_TIMED_OUT" -> DomainStatus.FAILED.toString();
            default -> DomainStatus.PENDING_VALIDATION.toString();
        };
        var out = software.amazon.awssdk.services.acm.model.DomainValidation.builder()
                .domainName(validation.domainName)
                .validationDomain(validation.validationDomain)
                .validationStatus(status)
                .validationMethod(certificate.validationMethod);
        if ("DNS".equals(certificate.validationMethod)) {
            out.resourceRecord(ResourceRecord.builder()
                    .name(validation.recordName)
                    .type(RecordType.CNAME)
                    .value(validation.recordValue)
                    .build());
        }
        return out.build();
    }

    private CertificateSummary summary(Certificate certificate) {
        String status = status(certificate);
        Instant issuedAt = status.equals(CertificateStatus.ISSUED.toString()) ? issuedAt(certificate) : null;
        return CertificateSummary.builder()
                .certificateArn(certificate.arn)
                .domainName(certificate.domainName)
                .subjectAlternativeNameSummaries(certificate.subjectAlternativeNames)
                .hasAdditionalSubjectAlternativeNames(false)
                .status(status)
                .type("AMAZON_ISSUED")
                .keyAlgorithm(certificate.keyAlgorithm)
                .inUse(world.dependencies.inUse(certificate.arn))
                .createdAt(certificate.requestedAt)
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .notAfter(issuedAt == null ? null : issuedAt.plus(VALIDITY))
                .build();
    }
}
