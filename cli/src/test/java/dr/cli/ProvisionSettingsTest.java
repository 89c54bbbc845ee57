package dr.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.regions.inmemory.world.CallLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 3: a stack's settings are recorded on it; a re-run takes every setting it is not given from there,
 * and a given setting that differs changes live resources only after the change was shown, resource by resource,
 * and confirmed (or --yes). Without a terminal and without --yes, nothing is written: not even the stack lock.
 */
class ProvisionSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PROVISION = {"provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox"};
    /** A stack with every setting provision records away from its default, but the images (dr bakes them). */
    private static final String[] BUILT = {"--domain", "example.com", "--admin-cidr", "203.0.113.10/32",
        "--nat-per-az", "--web-instance-type", "t3.small", "--app-instance-type", "t3.medium",
        "--db-instance-class", "db.t3.small", "--db-storage-gib", "30", "--min", "2", "--desired", "3", "--max", "6",
        "--dr-capacity", "2", "--health-check-path", "/ping", "--health-check-interval", "30",
        "--health-check-threshold", "3"};

    private DrRunner dr;

    @BeforeEach
    void newSandbox(@TempDir Path sandbox) {
        dr = new DrRunner(sandbox);
    }

    private DrRunner.Result provision(String... more) {
        return dr.run(Stream.concat(Stream.of(PROVISION), Stream.of(more)).toArray(String[]::new));
    }

    private DrRunner.Result build() {
        DrRunner.Result built = provision(Stream.concat(Stream.of(BUILT), Stream.of("-q")).toArray(String[]::new));
        assertThat(built.exitCode()).as("stderr: %s", built.err()).isZero();
        return built;
    }

    /** Every mutating call since {@code mark}, the stack lock's included. */
    private List<String> writesSince(DrRunner.Mark mark) {
        List<CallLog.Call> calls = dr.cloud.world().calls().all();
        return calls.subList(mark.calls(), calls.size()).stream().filter(CallLog.Call::mutating)
                .map(call -> call.service() + ":" + call.operation()).toList();
    }

    private List<String> aliases() {
        DistributionSummary summary = dr.cloud.cloudFront().listDistributions(r -> { }).distributionList().items()
                .get(0);
        return summary.aliases().items();
    }

    /** The case: built with --domain, re-provisioned without it; the aliases stay and nothing is updated. */
    @Test
    void aRerunWithoutTheDomainKeepsTheStackAsBuilt() throws Exception {
        provision("--domain", "example.com", "-q");
        DrRunner.Mark before = dr.mark();

        DrRunner.Result again = provision("--output", "json");

        assertThat(again.exitCode()).as("stderr: %s", again.err()).isZero();
        JsonNode report = JSON.readTree(again.out());
        assertThat(StreamSupport.stream(report.path("resources").spliterator(), false))
                .allSatisfy(r -> assertThat(r.path("action").asText()).as(r.toString()).isEqualTo("unchanged"));
        assertThat(report.path("changes").path("settings")).isEmpty();
        assertThat(aliases()).containsExactly("app.example.com");
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }

    @Test
    void theSettingsAreRecordedOnBothVpcsAndEveryOneLeftOutComesFromThere() throws Exception {
        build();
        for (String region : List.of("us-east-1", "us-west-2")) {
            var tags = dr.cloud.ec2(region).describeVpcs(r -> r.filters(f -> f.name("tag:dr:role").values("vpc")))
                    .vpcs().get(0).tags();
            assertThat(tags).as(region).extracting(t -> t.key() + "=" + t.value()).contains(
                    "dr:setting:domain=example.com", "dr:setting:admin-cidr=203.0.113.10/32",
                    "dr:setting:nat-per-az=true", "dr:setting:db-instance-class=db.t3.small",
                    "dr:setting:dr-capacity=2", "dr:setting:health-check-path=/ping", "dr:setting:web-image=");
            assertThat(tags).as("EC2 allows 50 tags per resource").hasSizeLessThanOrEqualTo(50);
            assertThat(tags).allSatisfy(t -> assertThat(t.value()).hasSizeLessThanOrEqualTo(256));
        }
        DrRunner.Mark before = dr.mark();

        JsonNode report = JSON.readTree(provision("--output", "json").out());

        assertThat(StreamSupport.stream(report.path("resources").spliterator(), false))
                .allSatisfy(r -> assertThat(r.path("action").asText()).as(r.toString()).isEqualTo("unchanged"));
        assertThat(dr.changesBesideTheLockSince(before)).as("silent changes to live resources").isEmpty();
    }

    /**
     * A changed setting without --yes and without a terminal: the diff is shown, resource by resource, and the run
     * stops with exit 2 before a single write (the stack lock is not even taken).
     */
    @Test
    void aChangedSettingIsShownResourceByResourceAndNothingIsWrittenUnconfirmed() {
        provision("--domain", "example.com", "-q");
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = provision("--web-instance-type", "t3.small", "--max", "6");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.err()).contains("confirmation needed: run on a terminal or pass --yes");
        assertThat(result.out()).contains(
                "Changes to stack dr (settings given that differ from the settings recorded on vpc-",
                "  --web-instance-type: t3.micro -> t3.small",
                "  --max: 4 -> 6",
                "  ~ us-east-1/lt-web (AWS::EC2::LaunchTemplate): instance type: t3.micro -> t3.small",
                "  ~ us-west-2/lt-web (AWS::EC2::LaunchTemplate): instance type: t3.micro -> t3.small",
                "  ~ us-east-1/asg-app (AWS::AutoScaling::AutoScalingGroup): capacity min/desired/max: 2/2/4 -> 2/2/6",
                "  ~ us-west-2/asg-web (AWS::AutoScaling::AutoScalingGroup): capacity min/desired/max: 1/1/4 -> 1/1/6");
        assertThat(result.out()).doesNotContain("lt-app");
        assertThat(writesSince(before)).as("writes, the lock's included").isEmpty();
    }

    @Test
    void withYesTheChangeIsMadeAndRecordedAndTheJsonReportCarriesTheDiff() throws Exception {
        provision("--domain", "example.com", "-q");

        DrRunner.Result result = provision("--health-check-threshold", "4", "--yes", "--output", "json");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        JsonNode changes = JSON.readTree(result.out()).path("changes");
        assertThat(changes.path("settings").toString())
                .isEqualTo("[{\"setting\":\"health-check-threshold\",\"from\":\"2\",\"to\":\"4\"}]");
        assertThat(changes.path("resources").toString()).contains("{\"action\":\"update\",\"resource\":"
                + "\"global/api-health-check\",\"type\":\"AWS::Route53::HealthCheck\",\"change\":\"failure threshold\","
                + "\"from\":\"2\",\"to\":\"4\"}");
        assertThat(result.err()).contains("--health-check-threshold: 2 -> 4");
        assertThat(dr.cloud.route53().listHealthChecks().healthChecks().get(0).healthCheckConfig()
                .failureThreshold()).isEqualTo(4);

        DrRunner.Mark before = dr.mark();
        DrRunner.Result again = provision("--output", "json");
        assertThat(JSON.readTree(again.out()).path("changes").path("settings")).as("4 is now the stack's").isEmpty();
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }

    @Test
    void aDryRunShowsTheSameDiffInTextAndJson() throws Exception {
        provision("--domain", "example.com", "-q");
        DrRunner.Mark before = dr.mark();

        DrRunner.Result text = provision("--domain", "example.org", "--dry-run");
        DrRunner.Result json = provision("--domain", "example.org", "--dry-run", "--output", "json");

        assertThat(text.exitCode()).as("stderr: %s", text.err()).isZero();
        assertThat(text.out()).contains("  --domain: example.com -> example.org",
                "  ~ global/distribution (AWS::CloudFront::Distribution): aliases: app.example.com -> app.example.org",
                "  ~ us-east-1/certificate (AWS::CertificateManager::Certificate): domain");
        JsonNode resources = JSON.readTree(json.out()).path("changes").path("resources");
        assertThat(resources.toString()).contains("\"resource\":\"global/distribution\"", "\"to\":\"app.example.org\"");
        assertThat(writesSince(before)).isEmpty();
    }

    /** Built with --admin-cidr: left out, it stays; a new one is a change like any other. */
    @Test
    void aNewDomainOnAStackBuiltWithoutOneListsWhatItCreates() {
        provision("-q");

        DrRunner.Result result = provision("--domain", "example.com", "--dry-run");

        assertThat(result.out()).contains("  --domain: (none) -> example.com",
                "  + global/cdn-certificate (AWS::CertificateManager::Certificate): resource: (none) -> created",
                "  + us-east-1/listener-web-https (AWS::ElasticLoadBalancingV2::Listener): resource: (none) -> created",
                "  ~ global/distribution (AWS::CloudFront::Distribution): aliases: (none) -> app.example.com");
    }

    /** What provision cannot change on a live stack is refused before any write, naming the value it keeps. */
    @Test
    void aSettingProvisionCannotChangeLiveIsBadInput() {
        provision("-q");
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = provision("--db-instance-class", "db.t3.small", "--yes");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("dr: --db-instance-class db.t3.small: "
                + "stack dr was built with db.t3.micro (the settings recorded on vpc-").contains(
                "provision does not change a live database's class", "leave it out to keep db.t3.micro");
        assertThat(dr.changesBesideTheLockSince(before)).isEmpty();
    }

    /**
     * The figure: a stack built with every setting away from its default, then re-run with every setting left out
     * (no write at all), with each changeable setting changed and not confirmed (shown, no write, the lock's
     * included), and with each unchangeable one (refused, no write).
     */
    @Test
    void changedSettingsFigure() {
        build();
        int silent = 0;
        DrRunner.Mark before = dr.mark();
        DrRunner.Result leftOut = provision("-q");
        assertThat(leftOut.exitCode()).as("stderr: %s", leftOut.err()).isZero();
        silent += dr.changesBesideTheLockSince(before).size();

        String[][] changed = {{"--domain", "example.org"}, {"--admin-cidr", "198.51.100.0/24"}, {"--no-nat-per-az"},
            {"--web-instance-type", "t3.micro"}, {"--app-instance-type", "t3.micro"}, {"--min", "1"},
            {"--desired", "2"}, {"--max", "8"}, {"--dr-capacity", "1"}, {"--health-check-path", "/health"},
            {"--health-check-interval", "10"}, {"--health-check-threshold", "2"}};
        int shown = 0;
        for (String[] change : changed) {
            DrRunner.Mark mark = dr.mark();
            DrRunner.Result result = provision(change);
            boolean listed = result.exitCode() == 2 && result.out().contains(change[0].replace("--no-", "--") + ":")
                    && result.out().lines().anyMatch(line -> line.startsWith("  ~ ") || line.startsWith("  + "));
            shown += listed ? 1 : 0;
            silent += writesSince(mark).size();
            assertThat(listed).as("%s: exit %d, out: %s", change[0], result.exitCode(), result.out()).isTrue();
        }
        String[][] fixed = {{"--primary-cidr", "10.30.0.0/16"}, {"--dr-cidr", "10.40.0.0/16"},
            {"--db-instance-class", "db.t3.micro"}, {"--db-storage-gib", "40"}};
        int refused = 0;
        List<String> notRefused = new ArrayList<>();
        for (String[] change : fixed) {
            DrRunner.Mark mark = dr.mark();
            DrRunner.Result result = provision(change[0], change[1], "--yes");
            if (result.exitCode() == 2 && result.errLines().size() == 1) {
                refused++;
            } else {
                notRefused.add(change[0]);
            }
            silent += dr.changesBesideTheLockSince(mark).size();
        }

        System.out.printf("RELIABILITY changed settings: %d silent changes to live resources (re-run with every "
                        + "setting left out: 0 writes; %d/%d changed settings shown resource by resource and, "
                        + "unconfirmed, not written; %d/%d unchangeable settings refused)%n",
                silent, shown, changed.length, refused, fixed.length);
        assertThat(notRefused).isEmpty();
        assertThat(silent).isZero();
    }
}
