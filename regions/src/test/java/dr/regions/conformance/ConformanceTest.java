package dr.regions.conformance;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.ExecutorSettings;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.engine.StepOutcome;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.core.report.CleanupReport;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.cleanup.Cleanup;
import dr.regions.cleanup.CleanupOptions;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.moto.Moto;
import dr.regions.images.BaseImage;
import dr.regions.images.ImageSteps;
import dr.regions.network.Ec2Tags;
import dr.core.model.GivenImages;
import dr.regions.network.NetworkSteps;
import dr.regions.step.RegionTarget;
import dr.regions.security.SecuritySteps;
import dr.regions.moto.OnMoto;
import dr.regions.provision.ProvisionPlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The in-memory cloud and moto, side by side, through the production {@link dr.regions.aws.AwsClients}: every
 * refusal the fakes implement answers with the error code AWS documents, every setting read back ({@link Reading})
 * shows what AWS documents, and every provisioning step finds, creates, finds again and converges, then goes with the
 * production cleanup. The in-memory cloud must behave as AWS
 * documents (else: a fake defect, the test fails); moto either does too, or a row of {@code emulator-gaps.md} says
 * why not (the invocation is then aborted with that row as the reason). A row moto no longer needs fails the test,
 * so the table stays true. The figures line is printed when the class ends.
 */
@OnMoto
class ConformanceTest {
    private static final String STACK = "conf";

    @AfterAll
    static void printFigures() {
        System.out.println(Tally.line());
    }

    /** Every scenario on each implementation. */
    private static Stream<Arguments> onBoth(List<?> scenarios) {
        return scenarios.stream().flatMap(scenario -> Stream.of(Implementation.values())
                .map(implementation -> Arguments.of(scenario, implementation)));
    }

    static Stream<Arguments> scenarios() {
        return onBoth(Stream.concat(Refusal.all().stream(), Reading.all().stream()).toList());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("scenarios")
    void answersAsAwsDocuments(Scenario scenario, Implementation implementation, Moto moto) {
        String answer;
        try (Implementation.Cloud cloud = implementation.open(moto)) {
            answer = answer(() -> scenario.answer().apply(new Fixture(cloud.clients(), cloud.clock())));
        }
        judge(scenario.kind() + ": " + scenario.id(), implementation, scenario.expected(), answer, scenario.gapRow(),
                scenario.awsSource());
    }

    /**
     * The whole provision plan (both regions and the edge, domain {@code example.com}) run twice on the production
     * engine, then the production cleanup: per step, created on the first run, found and kept on the second (the
     * converge found nothing to change), gone after cleanup.
     */
    @ParameterizedTest(name = "every step on {0}")
    @EnumSource(Implementation.class)
    void everyStepCreatesFindsConvergesAndIsDeleted(Implementation implementation, Moto moto) {
        StackSpec spec = StackSpec.defaults("us-east-1", "us-west-2").withDomain(SandboxAccount.PUBLIC_DOMAIN);
        spec = new StackSpec(STACK, spec.primaryRegion(), spec.drRegion(), spec.primaryCidr(), spec.drCidr(),
                spec.domain(), spec.adminCidr(), spec.natPerAz(), spec.webInstanceType(), spec.appInstanceType(),
                spec.dbInstanceClass(), spec.dbAllocatedStorageGib(), spec.dbEngineVersion(), spec.dbName(),
                spec.dbMasterUsername(), spec.primaryCapacity(), spec.drCapacity(), spec.healthCheckPath(),
                spec.healthCheckIntervalSeconds(), spec.healthCheckFailureThreshold(), STACK + ".internal");
        Map<String, String> seen = new TreeMap<>();
        Map<String, Optional<String>> gaps = new TreeMap<>();
        try (Implementation.Cloud cloud = implementation.open(moto)) {
            ExecutionResult first = run(cloud, spec);
            ExecutionResult second = run(cloud, spec);
            Optional<List<CleanupReport.Remaining>> remaining = cleanup(cloud, spec);
            for (StepOutcome outcome : first.outcomes()) {
                if (outcome.action() == Action.SKIP) {
                    continue;
                }
                String role = outcome.key().role();
                String step = "step: " + outcome.key().region().replaceAll("^us-east-1$", "primary")
                        .replaceAll("^us-west-2$", "dr") + " " + role;
                String again = second.find(outcome.key()).map(ConformanceTest::describe).orElse("absent");
                seen.put(step + ": create, find again, converge", describe(outcome) + ", " + again);
                gaps.put(step + ": create, find again, converge",
                        StepGaps.row(role).or(() -> StepGaps.convergeRow(role)));
                if (outcome.status() != StepOutcome.Status.DONE && implementation == Implementation.MOTO) {
                    continue;
                }
                String gone = remaining.map(left -> left.stream().anyMatch(r -> r.id().equals(outcome.resourceId()))
                        ? "still there" : "deleted").orElse("cleanup could not run");
                seen.put(step + ": deleted by cleanup", gone);
                gaps.put(step + ": deleted by cleanup", StepGaps.row(role).or(() -> StepGaps.leftoverRow(role)));
            }
        }
        List<String> problems = new ArrayList<>();
        seen.forEach((scenario, answer) -> {
            String expected = scenario.endsWith("deleted by cleanup") ? "deleted" : "CREATE, KEEP";
            try {
                judge(scenario, implementation, expected, answer, gaps.get(scenario),
                        "DESIGN.md: find by tag, create, find again, converge, delete");
            } catch (org.opentest4j.TestAbortedException gap) {
                // recorded in the tally; the other steps are still judged
            } catch (AssertionError problem) {
                problems.add(problem.getMessage());
            }
        });
        assertThat(seen).as("steps run").isNotEmpty();
        assertThat(problems).as("steps that did not behave as AWS documents").isEmpty();
    }

    /**
     * The own-images path ({@code --web-image}/{@code --app-image}) alone: the image steps of both regions for the
     * region's newest Amazon Linux image as both tiers' given AMI, run twice, then the production cleanup. The given
     * image is found and kept, never deleted (it is not the stack's); the DR copy (EC2 CopyImage) is created, found
     * again by its tags, and deleted by cleanup.
     */
    @ParameterizedTest(name = "given images copied on {0}")
    @EnumSource(Implementation.class)
    void givenImagesAreKeptAndTheirCopiesCreatedFoundAgainAndDeleted(Implementation implementation, Moto moto) {
        Map<String, String> seen = new TreeMap<>();
        try (Implementation.Cloud cloud = implementation.open(moto)) {
            String given = BaseImage.newest(cloud.clients().ec2("us-east-1"), "us-east-1");
            StackSpec spec = StackSpec.defaults("us-east-1", "us-west-2").withImages(new GivenImages(given, given));
            ExecutionResult first = runImages(cloud, spec);
            ExecutionResult second = runImages(cloud, spec);
            Optional<List<CleanupReport.Remaining>> remaining = cleanup(cloud, spec);
            for (StepOutcome outcome : first.outcomes()) {
                String step = "given images: " + outcome.key().region() + " " + outcome.key().role();
                String again = second.find(outcome.key()).map(ConformanceTest::describe).orElse("absent");
                seen.put(step + ": run twice", describe(outcome) + ", " + again);
                boolean left = cloud.clients().ec2(outcome.key().region()).describeImages(r -> r.owners("self", "amazon")
                        .filters(Ec2Tags.filter("image-id", outcome.resourceId()))).images().size() == 1;
                seen.put(step + ": after cleanup", remaining.isEmpty() ? "cleanup could not run"
                        : left ? "still there" : "deleted");
            }
        }
        assertThat(seen).as("scenarios").hasSize(8);
        List<String> problems = new ArrayList<>();
        seen.forEach((scenario, answer) -> {
            boolean copy = scenario.contains("us-west-2");
            String expected = scenario.endsWith("run twice") ? (copy ? "CREATE, KEEP" : "KEEP, KEEP")
                    : copy ? "deleted" : "still there";
            try {
                judge(scenario, implementation, expected, answer, Optional.empty(),
                        "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CopyImage.html; README: Your own"
                                + " images");
            } catch (AssertionError problem) {
                problems.add(problem.getMessage());
            }
        });
        assertThat(problems).as("image steps that did not behave as AWS documents").isEmpty();
    }

    /** The image steps of both regions, new steps each run (a step keeps what it did for the run it is in). */
    private static ExecutionResult runImages(Implementation.Cloud cloud, StackSpec spec) {
        List<Step> steps = new ArrayList<>();
        for (RegionRole role : RegionRole.values()) {
            steps.addAll(ImageSteps.forRegion(new RegionTarget(spec, role, cloud.clients())));
        }
        return new Executor(cloud.clock(), new AwsErrorClassifier(), ProgressListener.NONE, ExecutorSettings.defaults())
                .run(Plan.of(steps));
    }

    static Stream<Arguments> drifts() {
        return onBoth(Drift.all());
    }

    /** The primary region's network and security steps, a drift made by hand, then two more runs. */
    @ParameterizedTest(name = "converge repairs: {0} on {1}")
    @MethodSource("drifts")
    void convergeRepairsDriftAndReportsIt(Drift drift, Implementation implementation, Moto moto) {
        StackSpec spec = StackSpec.defaults(Drift.REGION, "us-west-2");
        String answer;
        try (Implementation.Cloud cloud = implementation.open(moto)) {
            RegionTarget target = new RegionTarget(spec, RegionRole.PRIMARY, cloud.clients());
            StepKey drifted = target.key(drift.stepRole());
            ExecutionResult first = runRegion(cloud, target);
            assertThat(first.failed()).as("first run on %s", implementation).isEmpty();
            drift.change().accept(cloud.clients(), first.outcome(drifted).resourceId());
            ExecutionResult repair = runRegion(cloud, target);
            ExecutionResult again = runRegion(cloud, target);
            Set<String> others = new TreeSet<>();
            repair.outcomes().stream().filter(o -> !o.key().equals(drifted)).forEach(o -> others.add(describe(o)));
            answer = describe(repair.outcome(drifted)) + ", others " + String.join("/", others) + ", again "
                    + describe(again.outcome(drifted));
        }
        judge("converge: " + drift.id(), implementation, "UPDATE, others KEEP, again KEEP", answer, Optional.empty(),
                "DESIGN.md: provision is idempotent and repairs drift; EnsureStep reports a repair as UPDATE");
    }

    private static ExecutionResult runRegion(Implementation.Cloud cloud, RegionTarget target) {
        List<Step> steps = new ArrayList<>(NetworkSteps.forRegion(target));
        steps.addAll(SecuritySteps.forRegion(target));
        return new Executor(cloud.clock(), new AwsErrorClassifier(), ProgressListener.NONE, ExecutorSettings.defaults())
                .run(Plan.of(steps));
    }

    private static ExecutionResult run(Implementation.Cloud cloud, StackSpec spec) {
        return new Executor(cloud.clock(), new AwsErrorClassifier(), ProgressListener.NONE, ExecutorSettings.defaults())
                .run(ProvisionPlan.build(spec, cloud.clients()));
    }

    /** What is left after the production cleanup, or empty when the cleanup itself failed. */
    private static Optional<List<CleanupReport.Remaining>> cleanup(Implementation.Cloud cloud, StackSpec spec) {
        try {
            Cleanup cleanup = new Cleanup(spec.stack(), List.of(spec.primaryRegion(), spec.drRegion()), cloud.clients(),
                    cloud.clock(), new CleanupOptions(true));
            return Optional.of(cleanup.run(ProgressListener.NONE).remaining());
        } catch (RuntimeException e) {
            System.out.println("[conformance] cleanup on " + cloud.implementation() + " failed: " + e);
            return Optional.empty();
        }
    }

    private static String describe(StepOutcome outcome) {
        return switch (outcome.status()) {
            case DONE -> outcome.action().name();
            default -> outcome.status() + " (" + outcome.message() + ")";
        };
    }

    /** What the call answered; for an AWS error the code it carries; else what happened instead. */
    private static String answer(Supplier<String> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return code == null ? "HTTP " + e.statusCode() + " with no code" : code;
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Records and checks one scenario on one implementation. The in-memory cloud must give {@code expected}. moto must
     * too, unless {@code gapRow} names why not; a row moto no longer needs fails (the table must stay true).
     */
    private static void judge(String scenario, Implementation implementation, String expected, String answer,
                              Optional<String> gapRow, String source) {
        boolean asAws = expected.equals(answer);
        if (implementation == Implementation.IN_MEMORY) {
            Tally.record(scenario, implementation, asAws ? Tally.Verdict.AS_AWS : Tally.Verdict.DEFECT);
            assertThat(answer).as("fake defect: %s answered by the in-memory cloud; AWS documents %s (%s)",
                    scenario, expected, source).isEqualTo(expected);
            return;
        }
        if (asAws) {
            Tally.record(scenario, implementation, Tally.Verdict.AS_AWS);
            gapRow.ifPresent(row -> fail("%s: moto now answers %s as AWS documents; gap row %s no longer applies,"
                    + " remove it", scenario, expected, GapTable.describe(row)));
            return;
        }
        if (gapRow.isEmpty()) {
            Tally.record(scenario, implementation, Tally.Verdict.DEFECT);
            fail("%s: moto answered '%s', AWS documents '%s' (%s), and no row of %s explains it: either the fake and"
                    + " the code share a misreading (fix both) or moto has a gap (add a row)", scenario, answer,
                    expected, source, GapTable.RESOURCE);
        }
        Tally.gap(scenario, gapRow.get());
        Assumptions.abort("emulator gap " + GapTable.describe(gapRow.get()) + ": " + scenario + ": moto answered '"
                + answer + "', AWS documents '" + expected + "'");
    }
}
