package dr.runbooks.actions.status;

import dr.core.ExitCode;
import dr.regions.aws.AwsClients;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.readiness.ReadinessReport;
import dr.regions.readiness.ReadyStack;
import dr.runbooks.RunbookResult;
import dr.runbooks.actions.OperationsRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StatusRunbookTest {
    @TempDir
    Path temp;
    private final InMemoryCloud cloud = ReadyStack.cloud();

    private RunbookResult status(String primary, String dr) {
        return new OperationsRun(cloud, OperationsRun.target(primary, dr), temp).run("status");
    }

    @Test
    void aFullyProvisionedStackIsReadyAndNothingIsChanged() {
        RunbookResult result = status(ReadyStack.PRIMARY, ReadyStack.DR);

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        ReadinessReport report = StatusFindings.report(result).orElseThrow();
        assertThat(report.ready()).isTrue();
        assertThat(report.findings()).hasSizeGreaterThan(40);
        assertThat(cloud.world().calls().mutating()).isZero();
    }

    @Test
    void theRegionsAreFoundFromTheTagsWhenNotGiven() {
        RunbookResult result = status(null, null);

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        ReadinessReport report = StatusFindings.report(result).orElseThrow();
        assertThat(report.primaryRegion()).isEqualTo(ReadyStack.PRIMARY);
        assertThat(report.drRegion()).isEqualTo(ReadyStack.DR);
    }

    @Test
    void aDrGroupScaledToZeroEndsTheRunNotReadyWithTheReason() {
        cloud.autoScaling(ReadyStack.DR).updateAutoScalingGroup(r -> r.autoScalingGroupName("dr-asg-web")
                .minSize(0).desiredCapacity(0));
        cloud.world().clock().advance(Duration.ofMinutes(5));
        cloud.world().calls().reset();

        RunbookResult result = status(ReadyStack.PRIMARY, ReadyStack.DR);

        assertThat(result.exitCode()).isEqualTo(ExitCode.NOT_READY);
        assertThat(result.message()).contains("not ready for failover", "us-west-2 web asg-web", "scaled to 0");
        assertThat(StatusFindings.report(result).orElseThrow().ready()).isFalse();
        assertThat(cloud.world().calls().mutating()).isZero();
    }

    @Test
    void aCheckAwsRefusesBecomesAFindingAndTheOtherChecksStillRun() {
        AwsClients deniedInPrimary = new DelegatingClients(cloud) {
            @Override
            public ElasticLoadBalancingV2Client elb(String region) {
                ElasticLoadBalancingV2Client real = cloud.elb(region);
                if (!region.equals(ReadyStack.PRIMARY)) {
                    return real;
                }
                return (ElasticLoadBalancingV2Client) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {ElasticLoadBalancingV2Client.class}, (proxy, method, args) -> {
                            if (method.getName().equals("describeTargetHealth")) {
                                throw AwsServiceException.builder().statusCode(403).awsErrorDetails(
                                        AwsErrorDetails.builder().errorCode("AccessDenied")
                                                .errorMessage("not allowed").build()).message("not allowed").build();
                            }
                            return method.invoke(real, args);
                        });
            }
        };

        RunbookResult result = new OperationsRun(deniedInPrimary, cloud.world().clock(),
                OperationsRun.target(ReadyStack.PRIMARY, ReadyStack.DR), temp).run("status");

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.OK);
        ReadinessReport report = StatusFindings.report(result).orElseThrow();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains(ReadyStack.PRIMARY, "web",
                "could not complete", "not allowed"));
        assertThat(report.findings()).as("the primary's other tiers are still checked")
                .filteredOn(f -> f.region().equals(ReadyStack.PRIMARY) && f.check().equals("vpc")).hasSize(1);
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.check()).isEqualTo("db-replica"));
    }

    /**
     * A region in trouble answers, with errors: a 5xx, or 403 where a service control policy denies. Those are AWS
     * service exceptions, not client exceptions, and must not abort status: the region's kinds are reported as not
     * verified, with the AWS error, and status ends not ready (exit 3) with the DR side still judged.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {500, 503, 403})
    void aPrimaryAnsweringErrorsEverywhereIsReportedNotFatal(int status) {
        cloud.world().faults().regionAnswers(ReadyStack.PRIMARY, status);

        RunbookResult result = status(ReadyStack.PRIMARY, ReadyStack.DR);

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.NOT_READY);
        ReadinessReport report = StatusFindings.report(result).orElseThrow();
        assertThat(report.ready()).isFalse();
        assertThat(java.util.stream.Stream.concat(report.reasons().stream(), report.warnings().stream()))
                .anySatisfy(line -> assertThat(line).contains(ReadyStack.PRIMARY, "not verified", "AWS::EC2::VPC",
                        "HTTP " + status));
        assertThat(report.findings()).filteredOn(f -> f.region().equals(ReadyStack.DR) && f.check().equals("vpc"))
                .singleElement().satisfies(f -> assertThat(f.verdict()).isEqualTo(dr.regions.readiness.Verdict.OK));
        assertThat(report.findings()).anySatisfy(f -> assertThat(f.check()).isEqualTo("db-replica"));
    }

    @Test
    void aDrRegionAnswering503IsReportedAndStatusGoesOn() {
        cloud.world().faults().regionAnswers(ReadyStack.DR, 503);

        RunbookResult result = status(ReadyStack.PRIMARY, ReadyStack.DR);

        assertThat(result.exitCode()).as(result.message()).isEqualTo(ExitCode.NOT_READY);
        assertThat(StatusFindings.report(result).orElseThrow().reasons()).anySatisfy(reason -> assertThat(reason)
                .contains(ReadyStack.DR, "not verified", "HTTP 503"));
    }

    @Test
    void aStackThatCannotBeFoundIsBadInputAndNoReport() {
        RunbookResult result = new OperationsRun(new InMemoryCloud(), OperationsRun.target(null, null), temp)
                .run("status");

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.message()).contains("cannot find both regions of stack 'dr'");
        assertThat(StatusFindings.report(result)).isEmpty();
    }
}
