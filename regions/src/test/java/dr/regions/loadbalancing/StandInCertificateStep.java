package dr.regions.loadbalancing;

import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.dns.HostedZones;
import dr.regions.step.EnsureStep;
import dr.regions.step.ResourceState;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ValidationMethod;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test stand-in for the certificate step ({@code dr.regions.certificates}): {@code <region>/certificate} with output
 * {@code arn} of an ISSUED certificate for {@code *.<domain>} in the region, DNS-validated through the public zone the
 * sandbox account owns.
 */
public final class StandInCertificateStep extends EnsureStep {
    private final RegionTarget target;

    public StandInCertificateStep(RegionTarget target) {
        super(target.key(LoadBalancingRoles.CERTIFICATE), List.of(), "AWS::CertificateManager::Certificate",
                ModeledDurations.ACM_VALIDATION);
        this.target = target;
    }

    private String domain() {
        return "*." + target.spec().domain();
    }

    @Override
    protected Optional<String> find(StepContext context) {
        return acm().listCertificatesPaginator(r -> r.certificateStatuses(CertificateStatus.ISSUED,
                        CertificateStatus.PENDING_VALIDATION))
                .certificateSummaryList().stream()
                .filter(c -> domain().equals(c.domainName()))
                .map(CertificateSummary::certificateArn)
                .findFirst();
    }

    @Override
    protected String create(StepContext context) {
        return acm().requestCertificate(r -> r.domainName(domain()).validationMethod(ValidationMethod.DNS))
                .certificateArn();
    }

    @Override
    protected boolean converge(StepContext context, String arn) {
        CertificateDetail certificate = acm().describeCertificate(r -> r.certificateArn(arn)).certificate();
        if (certificate.status() != CertificateStatus.PENDING_VALIDATION) {
            return false;
        }
        String zoneId = HostedZones.publicZone(target.clients().route53(), target.spec().domain()).orElseThrow().id();
        for (DomainValidation validation : certificate.domainValidationOptions()) {
            target.clients().route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                    .changes(c -> c.action(ChangeAction.UPSERT).resourceRecordSet(s -> s
                            .name(validation.resourceRecord().name()).type(RRType.CNAME).ttl(300L)
                            .resourceRecords(v -> v.value(validation.resourceRecord().value()))))));
        }
        return true;
    }

    @Override
    protected ResourceState readiness(StepContext context, String arn) {
        return ResourceState.of(acm().describeCertificate(r -> r.certificateArn(arn)).certificate().statusAsString(),
                CertificateStatus.ISSUED.toString(), CertificateStatus.FAILED.toString(),
                CertificateStatus.VALIDATION_TIMED_OUT.toString());
    }

    @Override
    protected Map<String, String> outputs(StepContext context, String arn) {
        return Map.of("id", arn, "arn", arn);
    }

    private AcmClient acm() {
        return target.clients().acm(target.region());
    }
}
