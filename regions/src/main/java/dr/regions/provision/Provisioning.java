package dr.regions.provision;

import dr.core.clock.Clock;
import dr.core.engine.CriticalPath;
import dr.core.engine.ExecutionResult;
import dr.core.engine.Executor;
import dr.core.engine.ExecutorSettings;
import dr.core.engine.Plan;
import dr.core.engine.ProgressListener;
import dr.core.config.StackTarget;
import dr.core.model.StackSpec;
import dr.core.report.ProvisionReport;
import dr.regions.aws.AwsClients;
import dr.regions.aws.AwsErrorClassifier;
import dr.regions.dns.ApiRecordOwnership;
import dr.regions.dns.PublicZoneCheck;
import dr.regions.edge.EdgeSteps;
import dr.regions.images.GivenImageCheck;
import dr.regions.network.ZonePreview;
import dr.regions.topology.Tier;

import java.util.ArrayList;
import java.util.List;

/** {@code dr provision}: build the plan, run it on the engine, report. The CLI calls this and prints. */
public final class Provisioning {
    private final StackSpec spec;
    private final AwsClients clients;
    private final Clock clock;
    private final StackSettingsRecord record;
    private final StackSpec built;

    /** Provisioning exactly {@code spec}, whatever settings a stack of that name was built with. */
    public Provisioning(StackSpec spec, AwsClients clients, Clock clock) {
        this(spec, clients, clock, null, null);
    }

    private Provisioning(StackSpec spec, AwsClients clients, Clock clock, StackSettingsRecord record,
                         StackSpec built) {
        this.spec = spec;
        this.clients = clients;
        this.clock = clock;
        this.record = record;
        this.built = built;
    }

    /**
     * Provisioning the stack as given, with every setting not given taken from the settings recorded on the stack
     * (one DescribeVpcs, {@link StackSettingsRecord}); as given, with defaults, when there is no record (a new stack).
     */
    public static Provisioning of(StackTarget target, AwsClients clients, Clock clock) {
        return StackSettingsRecord.read(clients, target.spec())
                .map(record -> new Provisioning(target.withRecorded(record.settings()).spec(), clients, clock, record,
                        target.recordedSpec(record.settings())))
                .orElseGet(() -> new Provisioning(target.spec(), clients, clock));
    }

    /** The stack this run builds: the settings given, the recorded ones for the rest. */
    public StackSpec spec() {
        return spec;
    }

    /**
     * The plan, built once for the stack's failover state (one read of the databases in each region): what a dry run
     * shows and what {@link #run(PreparedProvision, ProgressListener)} executes, so the plan shown is the plan run;
     * with it, what the run changes on the live stack because settings were given that differ from the recorded ones.
     */
    public PreparedProvision prepare() {
        return prepare(Failover.read(spec, clients));
    }

    /** The plan for a stack in {@code failover}, as reprotect and failback make it once they moved the databases. */
    public PreparedProvision prepare(Failover failover) {
        StackChanges changes = record == null ? StackChanges.NONE
                : LiveChanges.between(record, built, spec, failover);
        List<String> notes = new ArrayList<>(notes());
        if (failover != Failover.NONE) {
            notes.add(0, "failed over: the writer is in " + spec.drRegion() + ", so the api records and CloudFront "
                    + "stay on " + spec.drRegion() + " and DR keeps the primary's capacity; "
                    + (failover == Failover.PROMOTED ? "run dr reprotect to make " + spec.primaryRegion()
                    + " its standby" : spec.primaryRegion() + " stands by (reprotected): dr failback returns to it"));
        }
        return new PreparedProvision(spec, failover, ProvisionPlan.build(spec, clients, failover), skipped(), notes,
                changes);
    }

    /** What a dry run prints: the prepared plan and the zones, read only when {@code readZones} (the sandbox). */
    public ProvisionPreview preview(PreparedProvision prepared, boolean readZones) {
        return new ProvisionPreview(prepared, readZones ? ZonePreview.of(spec, clients)
                : ZonePreview.unknown(spec, "a dry run does not read them"));
    }

    /** Prepares and runs. */
    public ProvisionReport run(ProgressListener listener) {
        return run(prepare(), listener);
    }

    /**
     * Runs exactly the prepared plan (after checking that the domain's public zone is in the account and its api name
     * is free or this stack's, the given images
     * exist and both regions offer the stack's sizes).
     */
    public ProvisionReport run(PreparedProvision prepared, ProgressListener listener) {
        PublicZoneCheck.verify(spec, clients)
                .ifPresent(zoneId -> ApiRecordOwnership.verify(spec, clients.route53(), zoneId));
        GivenImageCheck.verify(spec, clients);
        OfferedSizesCheck.verify(spec, clients);
        Plan plan = prepared.plan();
        ExecutionResult result = new Executor(clock, new AwsErrorClassifier(), listener, ExecutorSettings.defaults())
                .run(plan);
        return new ProvisionReport(spec, result, CriticalPath.of(plan), prepared.skipped(), prepared.notes());
    }

    /** Figures an operator should see with the plan: failover detection time, per-request worst case. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>(EdgeSteps.notes(spec));
        for (Tier tier : Tier.values()) {
            tier.givenImage(spec).ifPresent(image -> notes.add(tier.role() + " image " + image + " given: no builder "
                    + "instance or AWS Backup image job; EC2 CopyImage copies it to " + spec.drRegion()
                    + " (encrypted with the default EBS key)"));
        }
        if (spec.images().all()) {
            notes.add("both images given: the Backup vaults and daily plan are kept but select nothing, and no "
                    + "Backup role is made");
        }
        return notes;
    }

    /** What the spec leaves out, said plainly in the summary. */
    public List<String> skipped() {
        List<String> reasons = new ArrayList<>();
        reasons.addAll(EdgeSteps.skipped(spec));
        if (spec.adminCidr() == null) {
            reasons.add("no --admin-cidr: no bastion host and no SSH rule (use Session Manager)");
        }
        return reasons;
    }
}
