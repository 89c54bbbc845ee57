package dr.regions.provision;

import dr.core.DrException;
import dr.core.config.ConfigKey;
import dr.core.config.RecordedSettings;
import dr.core.engine.Plan;
import dr.core.engine.Step;
import dr.core.engine.StepKey;
import dr.core.model.Capacity;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.cdn.Distributions;
import dr.regions.certificates.CertificateSteps;
import dr.regions.compute.ComputeRoles;
import dr.regions.dns.AppRecordStep;
import dr.regions.dns.FailoverRecordsStep;
import dr.regions.dns.HealthCheckStep;
import dr.regions.loadbalancing.ListenerProtocol;
import dr.regions.loadbalancing.LoadBalancingRoles;
import dr.regions.network.NetworkRoles;
import dr.regions.security.SecurityRoles;
import dr.regions.topology.Tier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * From the stack as built (its recorded settings) and as given now, what a provision run changes on live resources:
 * resources the new plan adds or no longer has (the two plans' shapes compared), and for resources in both, the
 * attribute each changed setting drives there, as the steps converge it. Settings provision cannot change on a live
 * stack are refused as bad input, naming the way that does change them.
 */
final class LiveChanges {
    /** Settings a provision run cannot apply to live resources, and why. */
    private static final Map<ConfigKey, String> FIXED = Map.of(
            ConfigKey.PRIMARY_CIDR, "a VPC's address range cannot change in place (EC2 has no call for it)",
            ConfigKey.DR_CIDR, "a VPC's address range cannot change in place (EC2 has no call for it)",
            ConfigKey.DB_INSTANCE_CLASS, "provision does not change a live database's class (RDS ModifyDBInstance, "
                    + "which restarts it or fails it over, on the primary and on the replica)",
            ConfigKey.DB_STORAGE_GIB, "provision does not resize a live database's storage (RDS ModifyDBInstance, "
                    + "on the primary and on the replica)");

    private final StackSpec built;
    private final StackSpec wanted;
    private final Failover failover;
    private final Plan builtPlan;
    private final Plan wantedPlan;
    private final Map<String, ResourceChange> changes = new LinkedHashMap<>();

    private LiveChanges(StackSpec built, StackSpec wanted, Failover failover) {
        this.built = built;
        this.wanted = wanted;
        this.failover = failover;
        this.builtPlan = ProvisionPlan.shape(built, failover);
        this.wantedPlan = ProvisionPlan.shape(wanted, failover);
    }

    /** The changes from {@code record} (resolved: {@code built}) to {@code wanted}; none when no setting differs. */
    static StackChanges between(StackSettingsRecord record, StackSpec built, StackSpec wanted, Failover failover) {
        Map<ConfigKey, String> from = RecordedSettings.of(built);
        Map<ConfigKey, String> to = RecordedSettings.of(wanted);
        List<SettingChange> settings = new ArrayList<>();
        from.forEach((key, value) -> {
            if (!value.equals(to.get(key))) {
                settings.add(new SettingChange(key, value, to.get(key)));
            }
        });
        for (SettingChange change : settings) {
            String reason = FIXED.get(change.key());
            if (reason != null) {
                throw DrException.badInput(change.key().option() + " " + RecordedSettings.shown(change.to())
                        + ": stack " + built.stack() + " was built with " + RecordedSettings.shown(change.from())
                        + " (" + record.where() + "), and " + reason + "; leave it out to keep "
                        + RecordedSettings.shown(change.from()));
            }
        }
        if (settings.isEmpty()) {
            return StackChanges.NONE;
        }
        LiveChanges live = new LiveChanges(built, wanted, failover);
        live.structural();
        live.everyRegion(SettingsRecordStep.ROLE, "recorded settings (" + RecordedSettings.TAG_PREFIX + "* tags)",
                "as built", "as given");
        settings.forEach(live::inPlace);
        return new StackChanges(record.where(), settings, List.copyOf(live.changes.values()));
    }

    /** Resources one plan has and the other not: created, or left as they are (provision deletes nothing). */
    private void structural() {
        for (Step step : wantedPlan.steps()) {
            if (!builtPlan.contains(step.key())) {
                add(ResourceChange.Kind.CREATE, step.key(), "resource", "(none)", "created");
            }
        }
        for (Step step : builtPlan.steps()) {
            if (!wantedPlan.contains(step.key())) {
                add(ResourceChange.Kind.UNMANAGED, step.key(), "managed by provision", "yes", "no (left as it is)");
            }
        }
    }

    private void inPlace(SettingChange change) {
        String from = RecordedSettings.shown(change.from());
        String to = RecordedSettings.shown(change.to());
        switch (change.key()) {
            case DOMAIN -> domain();
            case ADMIN_CIDR -> everyRegion(SecurityRoles.BASTION.role(), "SSH ingress from", from, to);
            case NAT_PER_AZ -> everyRegion(NetworkRoles.privateRoutes(0), "private subnets routed through "
                    + NetworkRoles.nat(0), zones(built), zones(wanted));
            case WEB_INSTANCE_TYPE -> everyRegion(ComputeRoles.launchTemplate(Tier.WEB), "instance type", from, to);
            case APP_INSTANCE_TYPE -> everyRegion(ComputeRoles.launchTemplate(Tier.APP), "instance type", from, to);
            case WEB_IMAGE -> everyRegion(ComputeRoles.launchTemplate(Tier.WEB), "given image", from, to);
            case APP_IMAGE -> everyRegion(ComputeRoles.launchTemplate(Tier.APP), "given image", from, to);
            case MIN, DESIRED, MAX, DR_CAPACITY -> capacity();
            case HEALTH_CHECK_PATH -> {
                add(ResourceChange.Kind.UPDATE, HealthCheckStep.KEY, "resource path", from, to);
                for (Tier tier : Tier.values()) {
                    everyRegion(LoadBalancingRoles.targetGroup(tier), "health check path", from, to);
                    everyRegion(ComputeRoles.launchTemplate(tier), "user data (the health path it serves)", from, to);
                }
            }
            case HEALTH_CHECK_INTERVAL -> add(ResourceChange.Kind.UPDATE, HealthCheckStep.KEY,
                    "request interval (Route 53 cannot change it: a new health check replaces this one)", from, to);
            case HEALTH_CHECK_THRESHOLD -> add(ResourceChange.Kind.UPDATE, HealthCheckStep.KEY, "failure threshold",
                    from, to);
            default -> throw new IllegalStateException(change.key() + " has no effect listed");
        }
    }

    /** The distribution's alias; every other resource named after the domain in both plans gets the new name. */
    private void domain() {
        add(ResourceChange.Kind.UPDATE, StepKey.global(Distributions.ROLE), "aliases", alias(built), alias(wanted));
        if (!built.hasDomain() || !wanted.hasDomain()) {
            return;
        }
        List<StepKey> named = new ArrayList<>(List.of(CertificateSteps.cdnKey(), FailoverRecordsStep.KEY,
                AppRecordStep.KEY));
        for (RegionRole role : RegionRole.values()) {
            named.add(StepKey.of(wanted.region(role), LoadBalancingRoles.CERTIFICATE));
            for (Tier tier : Tier.values()) {
                named.add(StepKey.of(wanted.region(role), LoadBalancingRoles.listener(tier, ListenerProtocol.HTTPS)));
            }
        }
        named.forEach(key -> add(ResourceChange.Kind.UPDATE, key, "domain (a new one replaces it; the old one is "
                + "left as it is)", built.domain(), wanted.domain()));
    }

    private void capacity() {
        for (RegionRole role : RegionRole.values()) {
            Capacity from = failover.apply(built).capacity(role);
            Capacity to = failover.apply(wanted).capacity(role);
            if (!from.equals(to)) {
                for (Tier tier : Tier.values()) {
                    add(ResourceChange.Kind.UPDATE, StepKey.of(wanted.region(role), ComputeRoles.autoScalingGroup(tier)),
                            "capacity min/desired/max", sizes(from), sizes(to));
                }
            }
        }
    }

    private void everyRegion(String role, String what, String from, String to) {
        for (RegionRole regionRole : RegionRole.values()) {
            add(ResourceChange.Kind.UPDATE, StepKey.of(wanted.region(regionRole), role), what, from, to);
        }
    }

    /** A change to a resource both plans have (or a structural one); a resource neither plan has is not live. */
    private void add(ResourceChange.Kind kind, StepKey key, String what, String from, String to) {
        boolean inBoth = builtPlan.contains(key) && wantedPlan.contains(key);
        if (kind == ResourceChange.Kind.UPDATE && (!inBoth || Objects.equals(from, to))) {
            return;
        }
        Step step = wantedPlan.find(key).or(() -> builtPlan.find(key)).orElseThrow();
        changes.putIfAbsent(key + " " + what, new ResourceChange(kind, key, step.resourceType(), what, from, to));
    }

    private static String alias(StackSpec spec) {
        return spec.hasDomain() ? spec.appRecordName() : "(none)";
    }

    private static String zones(StackSpec spec) {
        return spec.natPerAz() ? "zone a's" : "both zones'";
    }

    private static String sizes(Capacity capacity) {
        return capacity.min() + "/" + capacity.desired() + "/" + capacity.max();
    }
}
