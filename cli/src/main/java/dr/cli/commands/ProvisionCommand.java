package dr.cli.commands;

import dr.cli.output.Printer;
import dr.core.ExitCode;
import dr.core.report.ProvisionReport;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dr.cli.runtime.Confirmation;
import dr.core.DrException;
import dr.core.config.StackTarget;
import dr.regions.provision.PreparedProvision;
import dr.regions.provision.StackChanges;
import dr.regions.provision.ProvisionPreview;
import dr.regions.provision.Provisioning;
import dr.regions.provision.UnansweredRegion;

import dr.cli.options.CapacityOptions;
import dr.cli.runtime.CommandContext;
import dr.core.config.ConfigKey;
import dr.core.config.StackConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

@Command(name = "provision",
        description = {
            "Build the warm-standby stack in both regions.",
            "",
            "Per region: VPC and subnets, security groups, MySQL primary with a "
                + "cross-region read replica, AMIs (baked by dr, or yours with --web-image/--app-image) and AWS Backup, web and app tiers behind load balancers; with "
                + "--domain also certificates, Route 53 failover records, CloudFront and WAF.",
            "Changes: creates resources tagged dr:stack=<stack> in the primary region, the DR region and globally. "
                + "Idempotent: a second run creates nothing, a run after a crash finishes the job.",
            "Settings: recorded on the stack (tags on its VPCs); a re-run takes every setting it is not given from "
                + "there. Given settings that differ change live resources: the changes are shown, resource by "
                + "resource, and confirmed first (--yes to skip the question; --dry-run shows them).",
            "Takes: about 45 minutes on AWS (the cross-region read replica is the long pole); seconds in the sandbox.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dr provision --primary us-east-1 --dr us-west-2 --sandbox",
            "  dr provision --primary us-east-1 --dr us-west-2 --domain example.com --admin-cidr 203.0.113.10/32",
            "  dr provision --primary us-east-1 --dr us-west-2 --web-image ami-0123456789abcdef0 "
                + "--app-image ami-0fedcba9876543210"})
public final class ProvisionCommand extends DryRunnableCommand {
    @Option(names = "--domain", paramLabel = "NAME",
            description = "Public domain whose Route 53 hosted zone is in this account: adds api.NAME (failover "
                    + "records) and app.NAME (CloudFront) with ACM certificates. Without it, dr builds everything "
                    + "that needs no domain and says what it skipped.")
    String domain;

    @Option(names = "--admin-cidr", paramLabel = "CIDR",
            description = "Source range allowed to SSH to the bastion, e.g. 203.0.113.10/32. The bastion host and "
                    + "its SSH rules are created only when this is given; prefer AWS Systems Manager Session "
                    + "Manager, which needs no open port. Never defaults to 0.0.0.0/0.")
    String adminCidr;

    @Option(names = "--allow-open-ssh", negatable = true,
            description = "Accept --admin-cidr 0.0.0.0/0 (SSH open to the whole internet); refused without it.")
    Boolean allowOpenSsh;

    @Option(names = "--primary-cidr", paramLabel = "CIDR",
            description = "VPC range in the primary region, /16 to /24, split into 8 equal subnets "
                    + "(default: 10.10.0.0/16).")
    String primaryCidr;

    @Option(names = "--dr-cidr", paramLabel = "CIDR",
            description = "VPC range in the DR region, /16 to /24; must not overlap --primary-cidr "
                    + "(default: 10.20.0.0/16).")
    String drCidr;

    @Option(names = "--nat-per-az", negatable = true,
            description = "One NAT gateway per availability zone instead of one per region: survives the loss of "
                    + "an AZ, costs more (default: one).")
    Boolean natPerAz;

    @Option(names = "--web-instance-type", paramLabel = "TYPE",
            description = "EC2 instance type of the web tier (default: t3.micro).")
    String webInstanceType;

    @Option(names = "--app-instance-type", paramLabel = "TYPE",
            description = "EC2 instance type of the app tier (default: t3.micro).")
    String appInstanceType;

    @Option(names = "--web-image", paramLabel = "AMI",
            description = "Your own AMI for the web tier, in the primary region (e.g. baked with Packer or EC2 Image "
                    + "Builder). dr then makes no builder instance or AWS Backup image job for the tier: it copies the "
                    + "AMI to the DR region with EC2 CopyImage (encrypted) and launches both regions from it. "
                    + "Checked before anything is created: it must exist and be available.")
    String webImage;

    @Option(names = "--app-image", paramLabel = "AMI",
            description = "Your own AMI for the app tier, as --web-image. With both given, the AWS Backup vaults and "
                    + "daily plan stay but select nothing.")
    String appImage;

    @Option(names = "--db-instance-class", paramLabel = "CLASS",
            description = "RDS instance class of the MySQL primary and its replica (default: db.t3.micro).")
    String dbInstanceClass;

    @Option(names = "--db-storage-gib", paramLabel = "GIB",
            description = "Database storage in GiB, 20 to 65536 (default: 22).")
    Integer dbStorageGib;

    @Mixin
    CapacityOptions capacity;

    @Option(names = "--dr-capacity", paramLabel = "N",
            description = "Warm-standby instances per tier in the DR region until promotion (default: 1).")
    Integer drCapacity;

    @Option(names = "--health-check-path", paramLabel = "PATH",
            description = "Path the Route 53 health check requests on the primary app load balancer "
                    + "(default: /health).")
    String healthCheckPath;

    @Option(names = "--health-check-interval", paramLabel = "SECONDS",
            description = "Seconds between Route 53 health checks: 10 (fast) or 30 (default: 10).")
    Integer healthCheckInterval;

    @Option(names = "--health-check-threshold", paramLabel = "N",
            description = "Consecutive failed checks before Route 53 fails over, 1 to 10 (default: 2).")
    Integer healthCheckThreshold;

    @Override
    protected boolean requiresRegions() {
        return true;
    }

    @Override
    protected StackConfig stackOptions() {
        return capacity.addTo(StackConfig.builder())
                .option(ConfigKey.DOMAIN, domain)
                .option(ConfigKey.ADMIN_CIDR, adminCidr)
                .option(ConfigKey.ALLOW_OPEN_SSH, allowOpenSsh)
                .option(ConfigKey.PRIMARY_CIDR, primaryCidr)
                .option(ConfigKey.DR_CIDR, drCidr)
                .option(ConfigKey.NAT_PER_AZ, natPerAz)
                .option(ConfigKey.WEB_INSTANCE_TYPE, webInstanceType)
                .option(ConfigKey.APP_INSTANCE_TYPE, appInstanceType)
                .option(ConfigKey.WEB_IMAGE, webImage)
                .option(ConfigKey.APP_IMAGE, appImage)
                .option(ConfigKey.DB_INSTANCE_CLASS, dbInstanceClass)
                .option(ConfigKey.DB_STORAGE_GIB, dbStorageGib)
                .option(ConfigKey.DR_CAPACITY, drCapacity)
                .option(ConfigKey.HEALTH_CHECK_PATH, healthCheckPath)
                .option(ConfigKey.HEALTH_CHECK_INTERVAL, healthCheckInterval)
                .option(ConfigKey.HEALTH_CHECK_THRESHOLD, healthCheckThreshold)
                .build();
    }

    @Override
    protected int run(CommandContext context) {
        try {
            return provision(context);
        } catch (RuntimeException e) {
            throw UnansweredRegion.explain(e, context.spec(), context.connection().isSandbox()).orElseThrow(() -> e);
        }
    }

    private int provision(CommandContext context) {
        StackTarget target = context.target().orElseThrow();
        StackChanges confirmed = context.dryRun() || context.assumeYes() ? null : confirm(context, target);
        Provisioning provisioning = Provisioning.of(target, context.clients(), context.clock());
        PreparedProvision prepared = provisioning.prepare();
        if (context.dryRun()) {
            // The sandbox's zones are read (three read-only calls); on AWS a dry run reads only the recorded settings
            // and the failover state.
            ProvisionPreview preview = provisioning.preview(prepared, context.connection().isSandbox());
            if (context.output().json()) {
                Printer.json(context, preview.toJson());
            } else {
                context.out().print(preview.text());
            }
            return ExitCode.OK.code();
        }
        if (confirmed != null && !confirmed.equals(prepared.changes())) {
            throw DrException.failed("stack " + target.stack() + " changed while you were deciding (its recorded "
                    + "settings or its failover state): nothing was changed; run again to see the changes now");
        }
        if (confirmed == null) {
            show(context, prepared.changes(), target.stack());
        }
        ProvisionReport report = provisioning.run(prepared, Printer.progress(context));
        if (context.output().json()) {
            ObjectNode document = report.toJson();
            document.set("changes", prepared.changes().toJson());
            Printer.json(context, document);
        } else {
            report.printText(context.out());
        }
        return report.succeeded() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /**
     * Before the stack lock (a declined change must write nothing, the lock included): what the run would change on
     * the live stack, shown and confirmed as {@code terraform apply} does. The changes confirmed, to compare with what
     * the run finds under the lock.
     */
    private static StackChanges confirm(CommandContext context, StackTarget target) {
        StackChanges changes = context.beforeLock(session -> Provisioning.of(target, session.clients(),
                session.clock()).prepare().changes());
        if (!changes.isEmpty()) {
            show(context, changes, target.stack());
            Confirmation.require(context, "Apply these changes to stack " + target.stack() + "?");
        }
        return changes;
    }

    /** The diff: on stdout, or on stderr when stdout carries the one JSON document (which has it too). */
    private static void show(CommandContext context, StackChanges changes, String stack) {
        PrintWriter where = context.output().json() ? context.err() : context.out();
        where.print(changes.text(stack));
        where.flush();
    }

    @Override
    protected boolean dryRunReadsCloud() {
        return true;
    }
}
