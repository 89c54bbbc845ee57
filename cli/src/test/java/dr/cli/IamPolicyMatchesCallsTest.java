package dr.cli;

import dr.regions.iam.ApiOperation;
import dr.regions.iam.OperationCatalog;
import dr.regions.iam.PolicyCommand;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.world.CallLog;
import dr.regions.inmemory.world.Faults;
import dr.regions.inmemory.world.SimulatedCrash;
import dr.runbooks.actions.drill.FaultKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.Scope;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Proves that {@code operations.yaml}, from which {@code dr iam-policy} derives its policy, is exactly what each
 * command calls: every command runs against the in-memory cloud, through the paths an operator takes (first run,
 * second run, changed settings, drift repaired by hand, day-2 commands, a drill with every fault and a promotion that
 * died half-way and were restored or resumed, promotion finding the distribution by its tags, cleanup of a stack with
 * extras made by hand),
 * and the operations its runs record must equal its list. Every operation called is in the policy; nothing in the
 * policy is never called.
 *
 * <p>The regenerated list is always written to {@code <build dir>/iam/operations.yaml}; with
 * {@code -Ddr.iam.regenerate=true} it replaces the shipped file, which keeps the list the code's own.
 */
class IamPolicyMatchesCallsTest {
    private static final String REGENERATE = "dr.iam.regenerate";
    private static final String SHIPPED = "regions/src/main/resources/" + OperationCatalog.RESOURCE;
    private static final String STACK = "dr";
    private static final String PRIMARY = "us-east-1";
    private static final List<String> PROVISION = List.of("provision", "--primary", PRIMARY, "--dr", "us-west-2",
            "--sandbox", "-q");
    private static final List<String> WITH_DOMAIN = List.of("--domain", "example.com", "--admin-cidr",
            "203.0.113.10/32");
    /** Changes to a built stack: confirmed with --yes, as provision asks before it changes live resources. */
    private static final List<String> RESIZED = List.of("--health-check-path", "/ready", "--web-instance-type",
            "t3.small", "--desired", "3", "--max", "5", "--yes");

    @TempDir
    Path temp;

    private final Map<PolicyCommand, SortedSet<ApiOperation>> recorded = new EnumMap<>(PolicyCommand.class);

    @Test
    void everyCommandCallsExactlyTheOperationsItsListNames() throws IOException {
        DrRunner bare = new DrRunner(temp.resolve("bare"));
        record(PolicyCommand.PROVISION, bare, PROVISION);
        record(PolicyCommand.PROVISION, bare, PROVISION);

        DrRunner full = new DrRunner(temp.resolve("full"));
        List<String> withDomain = join(PROVISION, WITH_DOMAIN);
        record(PolicyCommand.PROVISION, full, withDomain);
        record(PolicyCommand.PROVISION, full, withDomain);
        record(PolicyCommand.PROVISION, full, join(withDomain, RESIZED));
        List<String> slowerChecks = join(withDomain, RESIZED, List.of("--health-check-interval", "30"));
        record(PolicyCommand.PROVISION, full, slowerChecks);
        HandDrift.apply(full.cloud);
        record(PolicyCommand.PROVISION, full, slowerChecks);

        List<String> status = List.of("status", "--sandbox");
        List<String> drill = List.of("failover", "drill", "--sandbox", "--yes");
        List<String> promote = List.of("promote-replica", "--sandbox", "--dr", "us-west-2", "--yes");
        recordIfBuilt(PolicyCommand.STATUS, full, status);
        recordIfBuilt(PolicyCommand.DRILL, full, drill);
        // every fault, each also dying at its first change and put back by 'failover restore'
        for (String fault : FaultKind.labels()) {
            List<String> withFault = join(drill, List.of("--fault", fault));
            recordIfBuilt(PolicyCommand.DRILL, full, withFault);
            recordCrashedIfBuilt(PolicyCommand.DRILL, full, withFault);
            recordIfBuilt(PolicyCommand.DRILL, full, List.of("failover", "restore", "--sandbox"));
        }
        // promote's fallback: the distribution's comment no longer says whose it is, only its tags do
        HandDrift.distributionCommentChanged(full.cloud.cloudFront());
        recordCrashedIfBuilt(PolicyCommand.PROMOTE, full, promote);
        recordIfBuilt(PolicyCommand.PROMOTE, full, promote);
        recordIfBuilt(PolicyCommand.STATUS, full, status);
        // the way back: reprotect and failback, each retiring the old databases with deletion
        List<String> regions = List.of("--sandbox", "--primary", PRIMARY, "--dr", "us-west-2", "--yes",
                "--delete-old-databases");
        // both run provision's plan, so they repair what drifted while the stack was failed over
        HandDrift.apply(full.cloud);
        recordIfBuilt(PolicyCommand.REPROTECT, full, join(List.of("reprotect"), regions));
        recordIfBuilt(PolicyCommand.STATUS, full, status);
        HandDrift.apply(full.cloud);
        recordIfBuilt(PolicyCommand.FAILBACK, full, join(List.of("failback"), regions));
        recordIfBuilt(PolicyCommand.STATUS, full, status);

        // Own images (--web-image, --app-image): the account's public base image stands for a team's AMI; the DR
        // copies are made by EC2 CopyImage, found by tag on the second run, read by status and removed by cleanup.
        DrRunner own = new DrRunner(temp.resolve("own"));
        String image = own.cloud.ec2(PRIMARY).describeImages(r -> r.owners("amazon")
                .filters(Filter.builder().name("name").values("al2023-ami-*-x86_64").build())).images().get(0).imageId();
        List<String> ownImages = join(PROVISION, List.of("--web-image", image, "--app-image", image));
        record(PolicyCommand.PROVISION, own, ownImages);
        record(PolicyCommand.PROVISION, own, ownImages);
        recordIfBuilt(PolicyCommand.STATUS, own, status);
        record(PolicyCommand.CLEANUP, own, List.of("cleanup", "--sandbox", "--yes", "--skip-final-snapshot"));

        record(PolicyCommand.CLEANUP, full, List.of("cleanup", "--sandbox", "--dry-run"));
        HandDrift.addExtrasCleanupMustRemove(full.cloud);
        record(PolicyCommand.CLEANUP, full, List.of("cleanup", "--sandbox", "--yes"));
        record(PolicyCommand.CLEANUP, full, List.of("cleanup", "--sandbox", "--purge-snapshots", "--yes",
                "--primary", PRIMARY, "--dr", "us-west-2"));
        record(PolicyCommand.CLEANUP, bare, List.of("cleanup", "--sandbox", "--yes", "--skip-final-snapshot"));

        OperationCatalog regenerated = OperationCatalog.of(recorded);
        Path written = writeToBuildDirectory(regenerated);
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(shippedFile(), regenerated.render());
            return;
        }
        String differences = differences(OperationCatalog.load(), regenerated);
        if (!differences.isEmpty()) {
            fail(SHIPPED + " is not what the commands call:\n" + differences
                    + "\nThe recorded list is in " + written + "; to accept it run\n  cp " + written + " " + SHIPPED
                    + "\n(or run this test with -D" + REGENERATE + "=true).");
        }
    }

    private void record(PolicyCommand command, DrRunner dr, List<String> args) {
        DrRunner.Result result = runRecording(command, dr, args);
        assertThat(result.exitCode()).as("dr %s; stderr: %s", String.join(" ", args), result.err()).isZero();
    }

    /** Day-2 commands answer 0, or 3 (not ready, RTO missed): both are complete runs. */
    private void recordIfBuilt(PolicyCommand command, DrRunner dr, List<String> args) {
        int before = dr.cloud.world().calls().all().size();
        DrRunner.Result result = dr.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as("dr %s; stderr: %s", String.join(" ", args), result.err()).isIn(0, 3);
        add(command, dr.cloud.world().calls().all().subList(before, dr.cloud.world().calls().all().size()));
    }

    /**
     * The process dies just after the command's first change reached AWS (what 'failover restore' and a resumed
     * promotion exist for); the calls it made until then count.
     */
    private void recordCrashedIfBuilt(PolicyCommand command, DrRunner dr, List<String> args) {
        int before = dr.cloud.world().calls().all().size();
        dr.cloud.world().faults().crashAtMutatingCall(1, Faults.CrashPoint.AFTER_CALL);
        try {
            DrRunner.Result result = dr.run(args.toArray(String[]::new));
            fail("dr %s was to die at its first change; it answered %d: %s", String.join(" ", args),
                    result.exitCode(), result.err());
        } catch (SimulatedCrash expected) {
            add(command, dr.cloud.world().calls().all().subList(before, dr.cloud.world().calls().all().size()));
        } finally {
            dr.cloud.world().faults().noCrash();
        }
    }

    private DrRunner.Result runRecording(PolicyCommand command, DrRunner dr, List<String> args) {
        int before = dr.cloud.world().calls().all().size();
        DrRunner.Result result = dr.run(args.toArray(String[]::new));
        List<CallLog.Call> calls = dr.cloud.world().calls().all();
        add(command, calls.subList(before, calls.size()));
        return result;
    }

    private void add(PolicyCommand command, List<CallLog.Call> calls) {
        SortedSet<ApiOperation> operations = recorded.computeIfAbsent(command, c -> new TreeSet<>());
        calls.forEach(call -> operations.add(new ApiOperation(call.service(), call.operation())));
    }

    private static String differences(OperationCatalog shipped, OperationCatalog called) {
        StringBuilder text = new StringBuilder();
        for (PolicyCommand command : PolicyCommand.values()) {
            SortedSet<ApiOperation> listed = shipped.operations(command).orElse(new TreeSet<>());
            SortedSet<ApiOperation> made = called.operations(command).orElse(new TreeSet<>());
            if (shipped.recorded(command) != called.recorded(command) || !listed.equals(made)) {
                text.append("  ").append(command.cliName()).append(":\n");
                text.append("    called but not listed: ").append(minus(made, listed)).append('\n');
                text.append("    listed but never called: ").append(minus(listed, made)).append('\n');
            }
        }
        return text.toString();
    }

    private static Set<ApiOperation> minus(Set<ApiOperation> a, Set<ApiOperation> b) {
        Set<ApiOperation> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Path writeToBuildDirectory(OperationCatalog catalog) throws IOException {
        Path file = buildDirectory().resolve("iam").resolve("operations.yaml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, catalog.render());
    }

    /** {@code cli/<build dir>}: where this class was compiled to, one level up from test-classes. */
    private static Path buildDirectory() {
        try {
            return Path.of(IamPolicyMatchesCallsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path shippedFile() {
        Path file = buildDirectory().getParent().getParent().resolve(SHIPPED);
        assertThat(file).as("the shipped operation list").exists();
        return file;
    }

    @SafeVarargs
    private static List<String> join(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /**
     * What an operator does by hand between runs, through the in-memory cloud's own clients: changes provision must
     * put back, and stack-tagged leftovers cleanup must remove. Each is something dr's code has a path for.
     */
    static final class HandDrift {
        private static final String MANAGED_BY = "managed-by";

        private HandDrift() {
        }

        static void apply(InMemoryCloud cloud) {
            privateRouteViaInternetGateway(cloud.ec2(PRIMARY));
            weakerTlsPolicy(cloud.elb(PRIMARY));
            backupScheduleChanged(cloud.backup(PRIMARY));
            backupSelectionOfAnEarlierVersion(cloud.backup(PRIMARY));
            webAclRulesAndTagRemoved(cloud.wafv2("us-east-1"));
            distributionCommentAndTagChanged(cloud.cloudFront());
            roleTrustAndTagsChanged(cloud.iam());
        }

        static void addExtrasCleanupMustRemove(InMemoryCloud cloud) {
            Ec2Client ec2 = cloud.ec2(PRIMARY);
            imageOfAStackInstance(ec2);
            egressRuleBetweenStackGroups(ec2);
        }

        private static void privateRouteViaInternetGateway(Ec2Client ec2) {
            String table = ec2.describeRouteTables(r -> r.filters(f -> f.name("tag:dr:role").values("rtb-private-a")))
                    .routeTables().get(0).routeTableId();
            String gateway = ec2.describeInternetGateways(r -> r.filters(f -> f.name("tag:dr:role").values("igw")))
                    .internetGateways().get(0).internetGatewayId();
            ec2.replaceRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").gatewayId(gateway));
        }

        private static void weakerTlsPolicy(ElasticLoadBalancingV2Client elb) {
            String balancer = elb.describeLoadBalancers(r -> r.names(STACK + "-alb-web")).loadBalancers().get(0)
                    .loadBalancerArn();
            Listener https = elb.describeListeners(r -> r.loadBalancerArn(balancer)).listeners().stream()
                    .filter(l -> l.port() == 443).findFirst().orElseThrow();
            elb.modifyListener(r -> r.listenerArn(https.listenerArn()).sslPolicy("ELBSecurityPolicy-2016-08"));
        }

        private static void backupScheduleChanged(BackupClient backup) {
            var plan = backup.listBackupPlans(r -> { }).backupPlansList().stream()
                    .filter(p -> p.backupPlanName().startsWith(STACK + "-")).findFirst().orElseThrow();
            var current = backup.getBackupPlan(r -> r.backupPlanId(plan.backupPlanId())).backupPlan();
            var rule = current.rules().get(0);
            backup.updateBackupPlan(r -> r.backupPlanId(plan.backupPlanId()).backupPlan(p -> p
                    .backupPlanName(current.backupPlanName())
                    .rules(in -> in.ruleName(rule.ruleName()).targetBackupVaultName(rule.targetBackupVaultName())
                            .scheduleExpression("cron(0 6 ? * * *)").copyActions(rule.copyActions()))));
        }

        /** A tag selection (what dr made before it selected the builders by ARN): provision replaces it. */
        private static void backupSelectionOfAnEarlierVersion(BackupClient backup) {
            var plan = backup.listBackupPlans(r -> { }).backupPlansList().stream()
                    .filter(p -> p.backupPlanName().startsWith(STACK + "-")).findFirst().orElseThrow();
            var selection = backup.listBackupSelections(r -> r.backupPlanId(plan.backupPlanId()))
                    .backupSelectionsList().get(0);
            backup.deleteBackupSelection(r -> r.backupPlanId(plan.backupPlanId()).selectionId(selection.selectionId()));
            backup.createBackupSelection(r -> r.backupPlanId(plan.backupPlanId()).backupSelection(s -> s
                    .selectionName(STACK + "-backup-selection").iamRoleArn(selection.iamRoleArn())
                    .listOfTags(c -> c.conditionType("STRINGEQUALS").conditionKey("dr:stack").conditionValue(STACK))));
        }

        private static void webAclRulesAndTagRemoved(Wafv2Client waf) {
            var summary = waf.listWebACLs(r -> r.scope(Scope.CLOUDFRONT)).webACLs().get(0);
            GetWebAclResponse acl = waf.getWebACL(r -> r.scope(Scope.CLOUDFRONT).name(summary.name())
                    .id(summary.id()));
            waf.updateWebACL(r -> r.scope(Scope.CLOUDFRONT).name(summary.name()).id(summary.id())
                    .lockToken(acl.lockToken()).defaultAction(acl.webACL().defaultAction())
                    .visibilityConfig(acl.webACL().visibilityConfig()).rules(List.of()));
            waf.untagResource(r -> r.resourceARN(summary.arn()).tagKeys(MANAGED_BY));
        }

        static void distributionCommentChanged(CloudFrontClient cloudFront) {
            DistributionSummary summary = cloudFront.listDistributions(r -> { }).distributionList().items().get(0);
            GetDistributionConfigResponse config = cloudFront.getDistributionConfig(r -> r.id(summary.id()));
            cloudFront.updateDistribution(r -> r.id(summary.id()).ifMatch(config.eTag())
                    .distributionConfig(config.distributionConfig().toBuilder().comment("edited by hand").build()));
        }

        private static void distributionCommentAndTagChanged(CloudFrontClient cloudFront) {
            DistributionSummary summary = cloudFront.listDistributions(r -> { }).distributionList().items().get(0);
            GetDistributionConfigResponse config = cloudFront.getDistributionConfig(r -> r.id(summary.id()));
            cloudFront.updateDistribution(r -> r.id(summary.id()).ifMatch(config.eTag())
                    .distributionConfig(config.distributionConfig().toBuilder().comment("edited by hand").build()));
            cloudFront.untagResource(r -> r.resource(summary.arn()).tagKeys(k -> k.items(MANAGED_BY)));
        }

        private static void roleTrustAndTagsChanged(software.amazon.awssdk.services.iam.IamClient iam) {
            iam.updateAssumeRolePolicy(r -> r.roleName(STACK + "-backup-role").policyDocument("{\"Version\":"
                    + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                    + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
            iam.untagRole(r -> r.roleName(STACK + "-backup-role").tagKeys(MANAGED_BY));
            iam.untagInstanceProfile(r -> r.instanceProfileName(STACK + "-app-profile").tagKeys(MANAGED_BY));
        }

        private static void imageOfAStackInstance(Ec2Client ec2) {
            Instance bastion = ec2.describeInstances(r -> r.filters(f -> f.name("tag:dr:role").values("bastion")))
                    .reservations().get(0).instances().get(0);
            List<Tag> tags = List.of(Tag.builder().key("dr:stack").value(STACK).build(),
                    Tag.builder().key("dr:role").value("bastion-image-by-hand").build());
            ec2.createImage(r -> r.instanceId(bastion.instanceId()).name(STACK + "-bastion-by-hand")
                    .tagSpecifications(t -> t.resourceType(ResourceType.IMAGE).tags(tags),
                            t -> t.resourceType(ResourceType.SNAPSHOT).tags(tags)));
        }

        private static void egressRuleBetweenStackGroups(Ec2Client ec2) {
            List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.filters(
                    f -> f.name("tag:dr:stack").values(STACK))).securityGroups();
            String from = groups.get(0).groupId();
            String to = groups.get(1).groupId();
            ec2.authorizeSecurityGroupEgress(r -> r.groupId(from).ipPermissions(p -> p.ipProtocol("tcp")
                    .fromPort(8080).toPort(8080).userIdGroupPairs(g -> g.groupId(to))));
        }
    }
}
