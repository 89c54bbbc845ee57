package dr.regions.certificates;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.model.ModeledDurations;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.route53.EdgeFixture;
import dr.regions.step.RegionTarget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateStepTest {
    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());
    private final StackSpec spec = StackSpec.defaults("eu-west-1", "eu-central-1").withDomain("example.com");

    private ExecutionResult run(StackSpec stack) {
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            steps.addAll(CertificateSteps.forRegion(new RegionTarget(stack, role, cloud)));
        }
        steps.addAll(CertificateSteps.forCloudFront(stack, cloud));
        return new Executor(cloud.world().clock(), new AwsErrorClassifier(), ProgressListener.NONE)
                .run(Plan.of(steps));
    }

    private CertificateDetail certificate(ExecutionResult result, StepKey key, String region) {
        String arn = result.outcome(key).outputs().get("arn");
        return cloud.acm(region).describeCertificate(r -> r.certificateArn(arn)).certificate();
    }

    private List<ResourceRecordSet> validationRecords() {
        String zone = EdgeFixture.publicZoneId(cloud, "example.com");
        return cloud.route53().listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets().stream()
                .filter(s -> s.typeAsString().equals("CNAME")).toList();
    }

    @Test
    void eachRegionGetsAWildcardAndCloudFrontGetsAppInUsEast1AllIssuedAfterDnsValidation() {
        ExecutionResult result = run(spec);
        assertThat(result.failed()).isEmpty();
        assertThat(certificate(result, StepKey.of("eu-west-1", "certificate"), "eu-west-1").domainName())
                .isEqualTo("*.example.com");
        assertThat(certificate(result, StepKey.of("eu-central-1", "certificate"), "eu-central-1").statusAsString())
                .isEqualTo("ISSUED");
        CertificateDetail cdn = certificate(result, CertificateSteps.cdnKey(), "us-east-1");
        assertThat(cdn.domainName()).isEqualTo("app.example.com");
        assertThat(cdn.statusAsString()).isEqualTo("ISSUED");
        assertThat(result.duration()).as("waited for ACM, not longer").isGreaterThanOrEqualTo(
                ModeledDurations.ACM_VALIDATION).isLessThan(ModeledDurations.ACM_VALIDATION.plusMinutes(1));
    }

    @Test
    void theTwoRegionalCertificatesShareOneValidationRecord() {
        ExecutionResult result = run(spec);
        String west = validationRecordName(result, StepKey.of("eu-west-1", "certificate"), "eu-west-1");
        String central = validationRecordName(result, StepKey.of("eu-central-1", "certificate"), "eu-central-1");
        String cdn = validationRecordName(result, CertificateSteps.cdnKey(), "us-east-1");

        assertThat(west).as("both regions validate *.example.com with the same record").isEqualTo(central);
        assertThat(validationRecords()).extracting(s -> s.name().replaceAll("\\.$", ""))
                .containsExactlyInAnyOrder(west, cdn);
        assertThat(validationRecords()).extracting(ResourceRecordSet::ttl).containsOnly(300L);
    }

    private String validationRecordName(ExecutionResult result, StepKey key, String region) {
        return certificate(result, key, region).domainValidationOptions().get(0).resourceRecord().name()
                .replaceAll("\\.$", "");
    }

    @Test
    void aSecondRunFindsTheCertificatesByTheirTagsAndChangesNothing() {
        run(spec);
        long mutating = cloud.world().calls().mutating();
        ExecutionResult second = run(spec);
        assertThat(second.outcomes()).extracting(o -> o.action()).containsOnly(Action.KEEP);
        assertThat(cloud.world().calls().mutating()).isEqualTo(mutating);
        assertThat(cloud.acm("us-east-1").listCertificates(r -> { }).certificateSummaryList()).hasSize(1);
    }

    @Test
    void anotherStacksCertificateForTheSameNameIsNotAdopted() {
        StackSpec other = new StackSpec("shop", spec.primaryRegion(), spec.drRegion(), spec.primaryCidr(),
                spec.drCidr(), spec.domain(), null, false, "t3.micro", "t3.micro", "db.t3.micro", 22, "8.0", "appdb",
                "admin", spec.primaryCapacity(), spec.drCapacity(), "/health", 10, 2, "shop.internal");
        run(other);
        ExecutionResult ours = run(spec);
        assertThat(ours.outcomes()).extracting(o -> o.action()).containsOnly(Action.CREATE);
        assertThat(cloud.acm("eu-west-1").listCertificates(r -> { }).certificateSummaryList()).hasSize(2);
    }

    @Test
    void aDeletedValidationRecordIsPutBackForRenewal() {
        run(spec);
        ResourceRecordSet removed = validationRecords().get(0);
        EdgeFixture.change(cloud.route53(), EdgeFixture.publicZoneId(cloud, "example.com"), ChangeAction.DELETE,
                removed);
        ExecutionResult repaired = run(spec);
        assertThat(repaired.outcomes()).extracting(o -> o.action()).contains(Action.UPDATE);
        assertThat(validationRecords()).hasSize(2);
    }

    @Test
    void noDomainNoCertificate() {
        StackSpec plain = StackSpec.defaults("us-east-1", "us-west-2");
        assertThat(CertificateSteps.forRegion(new RegionTarget(plain, RegionRole.PRIMARY, cloud))).isEmpty();
        assertThat(CertificateSteps.forCloudFront(plain, cloud)).isEmpty();
    }
}
