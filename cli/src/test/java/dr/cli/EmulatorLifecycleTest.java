package dr.cli;

import dr.cli.runtime.AwsSession;
import dr.cli.runtime.CloudSession;
import dr.core.clock.Clock;
import dr.regions.aws.AwsClients;
import dr.regions.dataplane.DataPlane;
import dr.regions.conformance.GapTable;
import dr.regions.conformance.StepGaps;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.StackInventory;
import dr.regions.discovery.StackResource;
import dr.regions.images.GivenImageCopyStep;
import dr.regions.moto.EmulatorClock;
import dr.regions.moto.Moto;
import dr.regions.moto.OnMoto;
import dr.regions.network.Ec2Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle as a user runs it against moto with {@code --endpoint-url}: provision, status, failover drill,
 * promote-replica, cleanup. The commands run in-process through {@link Main} with the production session for the
 * endpoint ({@link AwsSession#open}, the production client factory); only the clock differs: an
 * {@link EmulatorClock}, so the engine's modeled waits (a builder's user data, poll intervals, step timeouts) skip
 * ahead instead of sleeping, and every wait is bounded. What it shows: no command ends in exit 4; every
 * failure line is complete (no {@code : null} for a missing message); provision fails only in steps a row of
 * {@code emulator-gaps.md} explains; cleanup leaves nothing tagged with the stack except kinds the table explains.
 * It prints one {@code EMULATOR LIFECYCLE} line.
 */
@OnMoto
class EmulatorLifecycleTest {
    private static final String STACK = "dr";
    private static final String PRIMARY = "us-east-1";
    private static final String DR = "us-west-2";
    /** A step line the engine prints for a failed step: time, region, role, FAILED, message. */
    /** Gap rows in table order: G2 before G12. */
    private static final Comparator<String> BY_NUMBER = Comparator.comparingInt(row -> Integer.parseInt(row.substring(1)));
    private static final Pattern FAILED_STEP = Pattern.compile("^\\S+ (\\S+) (\\S+)\\s+FAILED\\s+(.*)$");

    /**
     * provision twice: first as dr bakes its images (the builder steps fail where moto has no Backup jobs, G3), then
     * with the team's own AMIs ({@code --web-image}/{@code --app-image}, registered in moto's primary region first),
     * which EC2 CopyImage takes to DR: launch templates and Auto Scaling groups are made, so the drill and the
     * promotion's scale-up of the DR groups run on a whole stack.
     */
    @Test
    void provisionStatusDrillPromoteAndCleanupAsAUserRunsThem(Moto moto, @TempDir Path dir) throws IOException {
        String webImage;
        String appImage;
        try (AwsClients clients = moto.clients()) {
            clients.route53().createHostedZone(r -> r.name("example.com").callerReference("lifecycle-public-zone"));
            webImage = clients.ec2(PRIMARY).registerImage(r -> r.name("team-web-2026.12.01")).imageId();
            appImage = clients.ec2(PRIMARY).registerImage(r -> r.name("team-app-2026.12.01")).imageId();
        }
        Lifecycle lifecycle = new Lifecycle(moto, dir);
        String endpoint = moto.endpoint().toString();

        DrRunner.Result provision = lifecycle.run("provision", "--primary", PRIMARY, "--dr", DR, "--domain",
                "example.com", "--endpoint-url", endpoint);
        Set<String> provisionRows = failedStepRows(provision, "provision", Set.of());
        DrRunner.Result ownImages = lifecycle.run("provision", "--primary", PRIMARY, "--dr", DR, "--domain",
                "example.com", "--web-image", webImage, "--app-image", appImage, "--endpoint-url", endpoint, "--yes");
        // No step of this plan waits for a Backup job or selection or the Backup role: rows G1, G3, G16 explain nothing.
        Set<String> ownImagesRows = failedStepRows(ownImages, "provision --web-image --app-image",
                Set.of("G1", "G3", "G16"));
        Map<String, String> launchedFrom = launchedFrom(moto);
        Map<String, Integer> warmStandby = desiredCapacity(moto, DR);
        DrRunner.Result status = lifecycle.run("status", "--primary", PRIMARY, "--dr", DR, "--endpoint-url", endpoint);
        DrRunner.Result drill = lifecycle.run("failover", "drill", "--primary", PRIMARY, "--dr", DR, "--yes",
                "--endpoint-url", endpoint);
        DrRunner.Result promote = lifecycle.run("promote-replica", "--dr", DR, "--yes", "--endpoint-url", endpoint);
        // moto never lets the promoted database stand alone (G12), so promote-replica stops before its scale-dr step:
        // the same step type runs alone, from a runbook file, as an operator finishing the promotion by hand would.
        Path scaleUp = Files.writeString(dir.resolve("scale-dr.yaml"), """
                name: scale-dr
                description: The promotion's scale-up alone
                steps:
                  - id: scale-dr
                    type: scale-compute
                    params:
                      capacity: primary
                """);
        DrRunner.Result scale = lifecycle.run("runbook", "run", scaleUp.toString(), "--primary", PRIMARY, "--dr", DR,
                "--yes", "--endpoint-url", endpoint);
        Map<String, Integer> drDesired = desiredCapacity(moto, DR);
        DrRunner.Result cleanup = lifecycle.run("cleanup", "--primary", PRIMARY, "--dr", DR, "--yes",
                "--endpoint-url", endpoint);

        Map<String, String> leftovers = new TreeMap<>();
        List<String> unverified = leftovers(moto, leftovers);
        String line = "EMULATOR LIFECYCLE: provision exit " + provision.exitCode() + " (failed steps only in gap rows "
                + String.join(", ", provisionRows) + ")"
                + ", provision --web-image --app-image exit " + ownImages.exitCode() + " (failed steps only in gap rows "
                + String.join(", ", ownImagesRows) + "; launch templates " + launchedFrom.size() + " from the given "
                + "AMIs and their DR copies, DR groups " + warmStandby + ")"
                + ", status exit " + status.exitCode()
                + ", failover drill exit " + drill.exitCode()
                + ", promote-replica exit " + promote.exitCode()
                + ", its scale-up alone exit " + scale.exitCode() + " (DR groups " + drDesired + ")"
                + ", cleanup exit " + cleanup.exitCode() + ", leftovers "
                + leftovers.size() + (unverified.isEmpty() ? "" : " and " + unverified.size() + " kinds not verifiable")
                + " (gap rows " + String.join(", ", lifecycle.rows(leftovers.values())) + ")";
        System.out.println(line);

        assertThat(lifecycle.exitFour).as("commands that ended in exit 4").isEmpty();
        assertThat(lifecycle.incompleteFailureLines).as("failure lines with no message (': null')").isEmpty();
        assertThat(lifecycle.unexplained).as("commands that failed for a reason no row of %s gives", GapTable.RESOURCE)
                .isEmpty();
        assertThat(provision.exitCode()).as("provision: its gap steps fail, so exit 1").isEqualTo(1);
        assertThat(ownImages.exitCode()).as("provision with own images: no image step needs a Backup job")
                .isEqualTo(ownImagesRows.isEmpty() ? 0 : 1);
        assertThat(scale.exitCode()).as("the promotion's scale-up on moto: %s", scale.err()).isZero();
        assertThat(warmStandby).as("DR groups at warm standby after provision")
                .containsOnly(Map.entry(STACK + "-asg-web", 1), Map.entry(STACK + "-asg-app", 1));
        assertThat(drDesired).as("DR groups scaled to the primary's desired capacity")
                .containsOnly(Map.entry(STACK + "-asg-web", 2), Map.entry(STACK + "-asg-app", 2));
        assertThat(launchedFrom).as("each region's launch template per tier, with the image it launches: the given "
                + "AMI in the primary, a copy of it in DR").containsOnly(
                Map.entry(PRIMARY + " web", webImage), Map.entry(PRIMARY + " app", appImage),
                Map.entry(DR + " web", webImage), Map.entry(DR + " app", appImage));
        assertThat(leftovers).as("resources still tagged with the stack and no gap row explaining them")
                .allSatisfy((resource, row) -> assertThat(row).isNotEmpty());
    }

    /** Desired capacity of the stack's Auto Scaling groups in the region, by name. */
    private static Map<String, Integer> desiredCapacity(Moto moto, String region) {
        Map<String, Integer> desired = new TreeMap<>();
        try (AwsClients clients = moto.clients()) {
            clients.autoScaling(region).describeAutoScalingGroups().autoScalingGroups().stream()
                    .filter(group -> group.autoScalingGroupName().startsWith(STACK + "-"))
                    .forEach(group -> desired.put(group.autoScalingGroupName(), group.desiredCapacity()));
        }
        return desired;
    }

    /**
     * {@code <region> <tier>} of each launch template of the stack, with the AMI it launches: in the primary region
     * that AMI itself, in DR the source of the copy it launches (the copy's {@code dr:given-image} tag, which dr sets;
     * moto's DescribeImages has no SourceImageId).
     */
    private static Map<String, String> launchedFrom(Moto moto) {
        Map<String, String> launched = new TreeMap<>();
        try (AwsClients clients = moto.clients()) {
            for (String region : List.of(PRIMARY, DR)) {
                for (String tier : List.of("web", "app")) {
                    clients.ec2(region).describeLaunchTemplateVersions(r -> r.launchTemplateName(STACK + "-lt-" + tier)
                            .versions("$Default")).launchTemplateVersions().forEach(version -> {
                                String image = version.launchTemplateData().imageId();
                                launched.put(region + " " + tier, region.equals(PRIMARY) ? image
                                        : Ec2Tags.toMap(clients.ec2(region).describeImages(r -> r.imageIds(image))
                                                .images().get(0).tags()).get(GivenImageCopyStep.GIVEN_IMAGE_TAG));
                            });
                }
            }
        }
        return launched;
    }

    /**
     * The gap row of every failed provision step; a failed step no row explains, or only one of {@code inapplicable},
     * fails the test.
     */
    private static Set<String> failedStepRows(DrRunner.Result provision, String command, Set<String> inapplicable) {
        Set<String> rows = new TreeSet<>(BY_NUMBER);
        List<String> unexplained = new ArrayList<>();
        for (String line : provision.errLines()) {
            Matcher failed = FAILED_STEP.matcher(line);
            if (failed.find()) {
                String role = failed.group(2);
                StepGaps.row(role).filter(row -> !inapplicable.contains(row))
                        .ifPresentOrElse(rows::add, () -> unexplained.add(line));
            }
        }
        assertThat(unexplained).as("%s steps failed on moto that no row of %s explains", command, GapTable.RESOURCE)
                .isEmpty();
        return rows;
    }

    /**
     * Whatever the production inventory still finds tagged with the stack, by kind, with the row that explains it;
     * returns what it could not read (each a kind in a region, said by the inventory).
     */
    private static List<String> leftovers(Moto moto, Map<String, String> leftovers) {
        try (AwsClients clients = moto.clients()) {
            Inventory inventory = new StackInventory(clients, STACK).scan(PRIMARY, DR);
            for (StackResource resource : inventory.resources()) {
                leftovers.put(resource.region() + " " + resource.kind() + " " + resource.id(),
                        LeftoverGaps.row(resource.kind().name()).orElse(""));
            }
            inventory.gaps().forEach(gap -> System.out.println("[emulator lifecycle] not verifiable: " + gap));
            return inventory.gaps();
        }
    }

    /** Resource kinds cleanup cannot remove on moto, with the row that says why. */
    private static final class LeftoverGaps {
        // Cleanup keeps what it cannot verify empty: a vault whose recovery points moto cannot list (G2), a plan whose
        // selections it cannot list (G1).
        private static final Map<String, String> ROWS = Map.of("BACKUP_VAULT", "G2", "BACKUP_PLAN", "G1");

        static Optional<String> row(String kind) {
            return Optional.ofNullable(ROWS.get(kind));
        }
    }

    /** Runs commands in-process on moto, as the dr launcher would with {@code --endpoint-url}, and judges each one. */
    private static final class Lifecycle {
        private final DrRunner runner;
        private final Clock clock = new EmulatorClock();
        private final Moto moto;
        private final List<String> exitFour = new ArrayList<>();
        private final List<String> unexplained = new ArrayList<>();
        private final List<String> incompleteFailureLines = new ArrayList<>();
        private final Set<String> knownRows = new TreeSet<>();

        Lifecycle(Moto moto, Path dir) {
            this.moto = moto;
            this.runner = new DrRunner(dir);
            runner.environment.set("AWS_ACCESS_KEY_ID", Moto.ACCESS_KEY).set("AWS_SECRET_ACCESS_KEY", Moto.SECRET_KEY);
        }

        DrRunner.Result run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Main main = new Main(connection -> {
                assertThat(connection.endpoint()).as("the endpoint --endpoint-url gave").contains(moto.endpoint());
                AwsSession session = AwsSession.open(connection);
                return CloudSession.of(session.clients(), DataPlane.internet(clock), clock, session::close);
            }, runner.environment);
            long started = System.nanoTime();
            int code = main.execute(new PrintWriter(out), new PrintWriter(err), args);
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            DrRunner.Result result = new DrRunner.Result(code, out.toString(), err.toString());
            String command = String.join(" ", args);
            System.out.println("[emulator lifecycle] dr " + command + " -> exit " + code + " in " + seconds + " s");
            result.errLines().stream().filter(l -> l.contains("FAILED") || l.startsWith("dr: "))
                    .forEach(l -> System.out.println("    " + l));
            judge(command, result);
            return result;
        }

        /**
         * Never exit 4; any other failure of a command other than provision (judged per step) must be one a row
         * explains, recognised by what the command printed.
         */
        private void judge(String command, DrRunner.Result result) {
            if (result.exitCode() == 4) {
                exitFour.add(command + ": " + result.err());
            } else if (result.exitCode() != 0 && !command.startsWith("provision")) {
                Optional<String> row = explanation(result.err());
                row.ifPresentOrElse(rows -> knownRows.addAll(List.of(rows.split(", "))),
                        () -> unexplained.add(command + " -> exit " + result.exitCode()
                        + ": " + result.err()));
            }
            for (String line : result.errLines()) {
                boolean failureLine = FAILED_STEP.matcher(line).find() || line.startsWith("dr: ");
                if (failureLine && line.contains(": null")) {
                    incompleteFailureLines.add(command + ": " + line);
                }
            }
        }

        /** The row behind a failed command, e.g. G12 for the promotion moto never finishes. */
        private static Optional<String> explanation(String err) {
            if (err.contains("timed out") && err.contains("still a read replica")) {
                GapTable.row("G12");
                return Optional.of("G12");
            }
            // cleanup keeps what it cannot see empty; each failed deletion must be one a row explains
            if (err.contains("deletion(s) failed")) {
                Set<String> rows = new TreeSet<>();
                for (String line : err.split("\n")) {
                    Matcher failed = FAILED_STEP.matcher(line);
                    if (failed.find() && !failed.group(1).equals("cleanup")) {
                        Optional<String> row = DELETION_ROWS.entrySet().stream()
                                .filter(known -> failed.group(3).contains(known.getKey())).map(Map.Entry::getValue)
                                .findFirst();
                        if (row.isEmpty()) {
                            return Optional.empty();
                        }
                        GapTable.row(row.get());
                        rows.add(row.get());
                    }
                }
                return rows.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", rows));
            }
            if (err.contains("Iam ListInstanceProfileTags: HTTP 500")) {
                GapTable.row("G17");
                return Optional.of("G17");
            }
            // status and the drill preflight judge the stack provision built: not ready is their verdict when every
            // reason they give is one a row explains.
            Matcher notReady = NOT_READY.matcher(err);
            if (notReady.find()) {
                Set<String> rows = new TreeSet<>();
                for (String reason : notReady.group(1).split("; ")) {
                    Optional<String> row = NOT_READY_ROWS.entrySet().stream()
                            .filter(known -> reason.contains(known.getKey())).map(Map.Entry::getValue).findFirst();
                    if (row.isEmpty()) {
                        return Optional.empty();
                    }
                    GapTable.row(row.get());
                    rows.add(row.get());
                }
                return Optional.of(String.join(", ", rows));
            }
            return Optional.empty();
        }

        /** Why cleanup on moto cannot delete a kind, and the row saying so. */
        private static final Map<String, String> DELETION_ROWS = Map.of(
                "Backup ListBackupSelections: HTTP 500", "G1",
                "Backup ListRecoveryPointsByBackupVault: HTTP 404", "G2");
        /** {@code not ready for failover: r1; r2} (status) or {@code not ready for a drill (...): r1; r2}. */
        private static final Pattern NOT_READY = Pattern.compile("not ready for [^:]*: (.*)");
        /** What status and the drill preflight say when moto leaves something out, and the row saying why. */
        private static final Map<String, String> NOT_READY_ROWS = Map.of(
                "ListRecoveryPointsByBackupVault: HTTP 404", "G2",
                "ListBackupSelections: HTTP 500", "G1",
                "replication status not reported", "G20",
                "distribution: missing", "G18",
                "(distribution has none)", "G18",
                "no CloudFront distribution", "G18");

        Set<String> rows(java.util.Collection<String> leftoverRows) {
            Set<String> rows = new TreeSet<>(BY_NUMBER);
            rows.addAll(knownRows);
            leftoverRows.stream().filter(r -> !r.isEmpty()).forEach(rows::add);
            return rows;
        }
    }
}
