package dr.regions.readiness;

import dr.regions.inmemory.InMemoryCloud;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kind of resource discovery could not read (AWS answered with an error carrying no code and no message) makes
 * status "not ready", naming what could not be checked and why; the checks of that kind say "not verified", not
 * "missing", and every other check still runs.
 */
class UnverifiedReadinessTest {
    private final InMemoryCloud cloud = ReadyStack.cloud();

    private ReadinessReport checkWith(String service, String operation, String region, int status) {
        cloud.world().faults().bareError(service, operation, region, status);
        return new StackReadiness(cloud, ReadyStack.spec()).check(cloud.world().time());
    }

    @Test
    void launchTemplatesThatCannotBeListedInDrAreNotVerifiedAndDrIsNotReady() {
        ReadinessReport report = checkWith("ec2", "DescribeLaunchTemplates", ReadyStack.DR, 404);

        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).anySatisfy(reason -> assertThat(reason).contains(ReadyStack.DR, "not verified",
                "AWS::EC2::LaunchTemplate", "Ec2 DescribeLaunchTemplates: HTTP 404, no code: no message"));
        assertThat(report.findings()).filteredOn(f -> f.check().startsWith("lt-") && f.region().equals(ReadyStack.DR))
                .isNotEmpty().allSatisfy(f -> assertThat(f.detail()).startsWith("not verified: ")
                        .doesNotContain("missing"));
        assertThat(report.findings()).filteredOn(f -> f.region().equals(ReadyStack.DR) && f.check().equals("vpc"))
                .singleElement().satisfies(f -> assertThat(f.verdict()).isEqualTo(Verdict.OK));
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.detail()).doesNotContain("null"));
        assertThat(report.findings()).filteredOn(f -> f.check().equals("not-verified")).singleElement()
                .satisfies(f -> assertThat(f.facts()).containsEntry("service", "Ec2")
                        .containsEntry("operation", "DescribeLaunchTemplates").containsEntry("status", "404")
                        .containsKey("requestId").doesNotContainKeys("code", "message"));
        assertThat(report.toJson().toString()).contains("\"operation\":\"DescribeLaunchTemplates\"");
    }

    @Test
    void anErrorInThePrimaryRegionIsNotReadyEither() {
        ReadinessReport report = checkWith("elasticloadbalancing", "DescribeTargetGroups", ReadyStack.PRIMARY, 403);

        assertThat(report.ready()).isFalse();
        assertThat(report.reasons()).anySatisfy(reason -> assertThat(reason).contains(ReadyStack.PRIMARY,
                "not verified", "ElasticLoadBalancingV2 DescribeTargetGroups: HTTP 403"));
    }
}
