package dr.runbooks.actions.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dr.core.config.ConfigKey;
import dr.core.config.StackConfig;
import dr.core.config.StackSpecResolver;
import dr.core.engine.Journal;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.drill.DrillStacks;
import dr.regions.drill.EdgeProbe;
import dr.regions.drill.IngressRules;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.cloudfront.SandboxEdgeProbe;
import dr.runbooks.Operations;
import dr.runbooks.Runbook;
import dr.runbooks.RunbookCatalog;
import dr.runbooks.RunbookContext;
import dr.runbooks.RunbookRunner;
import dr.runbooks.builtin.BuiltInStepTypes;
import dr.runbooks.step.StepTypeRegistry;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A provisioned sandbox stack and the failover-drill runbook over it, the way the CLI runs it: one journal file that
 * outlives each runner (a runner is one process), the in-memory cloud's modeled clock, reports into a folder.
 */
final class DrillHarness {
    static final StepTypeRegistry REGISTRY = DrillActions.register(BuiltInStepTypes.newRegistry());

    final InMemoryCloud cloud;
    final StackSpec spec;
    final Path journalFile;
    final Path reports;
    final StringWriter out = new StringWriter();
    final Map<String, Set<IngressRules.Rule>> originalIngress;
    EdgeProbe edgeProbe;

    DrillHarness(StackSpec spec, Path directory) {
        this.spec = spec;
        this.cloud = DrillStacks.provisioned(spec);
        this.journalFile = directory.resolve("journal").resolve("failover-drill.jsonl");
        this.reports = directory.resolve("reports");
        this.edgeProbe = new SandboxEdgeProbe(cloud.world());
        this.originalIngress = ingressOfEveryGroup();
    }

    Runbook drill(DrillOptions options) {
        return options.applyTo(new RunbookCatalog(REGISTRY).load("failover-drill"));
    }

    Runbook drill() {
        return drill(new DrillOptions(null, null, null, null));
    }

    /** A new runner: a new process, as far as the drill can tell, on the same journal and cloud. */
    RunbookRunner runner(Runbook runbook) {
        var target = new StackSpecResolver().resolve(StackConfig.builder()
                .option(ConfigKey.STACK, spec.stack())
                .option(ConfigKey.PRIMARY, spec.primaryRegion())
                .option(ConfigKey.DR, spec.drRegion())
                .build(), false);
        RunbookContext context = RunbookContext.builder()
                .clock(cloud.world().clock())
                .journal(journal())
                .out(new PrintWriter(out, true))
                .errorClassifier(new AwsErrorClassifier())
                .attribute(Operations.ATTRIBUTE, new Operations(cloud, cloud.dataPlane(), target, true, reports))
                .attribute(DrillActions.EDGE_PROBE_ATTRIBUTE, edgeProbe)
                .build();
        return new RunbookRunner(runbook, context);
    }

    Journal journal() {
        return new Journal(journalFile, cloud.world().clock());
    }

    /** The JSON report of the last drill this journal wrote. */
    JsonNode reportJson() throws IOException {
        DrillJournal.WrittenReport report = new DrillJournal(journal()).lastReport().orElseThrow();
        return new ObjectMapper().readTree(Files.readString(report.json()));
    }

    /** Every security group of the stack in both regions, by id, as single rules. */
    Map<String, Set<IngressRules.Rule>> ingressOfEveryGroup() {
        Map<String, Set<IngressRules.Rule>> groups = new LinkedHashMap<>();
        for (String region : new String[] {spec.primaryRegion(), spec.drRegion()}) {
            cloud.ec2(region).describeSecurityGroups(r -> r.filters(Filter.builder().name("tag:dr:stack")
                    .values(spec.stack()).build())).securityGroups()
                    .forEach(g -> groups.put(g.groupId(), IngressRules.rules(g.ipPermissions())));
        }
        return groups;
    }

    boolean healthCheckInverted() {
        String id = cloud.route53().listHealthChecks().healthChecks().get(0).id();
        return Boolean.TRUE.equals(cloud.route53().getHealthCheck(r -> r.healthCheckId(id)).healthCheck()
                .healthCheckConfig().inverted());
    }
}
