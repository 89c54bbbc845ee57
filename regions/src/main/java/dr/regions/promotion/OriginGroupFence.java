package dr.regions.promotion;

import dr.core.engine.StepResult;
import dr.regions.cdn.DistributionSettings;
import dr.regions.cdn.Distributions;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMembers;
import software.amazon.awssdk.services.cloudfront.model.OriginGroups;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fences the web tier: the distribution's default behavior targets the DR origin alone, so that no 5xx from DR, and
 * no answer from the old primary region once it is back, sends viewers to a stack whose database is a stale, no
 * longer replicated writer. Taking the old primary out of the origin group is not possible: CloudFront requires
 * exactly two members in a group (API reference, OriginGroupMembers: Items minimum 2, maximum 2). The group stays,
 * DR first, for failback. The change goes in with UpdateDistribution under the ETag just read (a concurrent change is
 * refused and read again, never overwritten); then waits until the distribution is Deployed. Everything else in the
 * configuration is kept. {@code dr provision} keeps the fence while the DR database is the promoted writer
 * ({@code Failover}), and puts the group back only once the stack is back to normal: failback is a deliberate act.
 */
public final class OriginGroupFence {
    static final Duration POLL = Duration.ofSeconds(30);

    private final PromotionTarget target;
    private boolean changed;

    public OriginGroupFence(PromotionTarget target) {
        this.target = target;
    }

    public StepResult ensure() {
        Optional<DistributionSummary> found = Distributions.ofStack(cloudFront(), target.stack());
        if (found.isEmpty()) {
            return StepResult.ran("no CloudFront distribution of stack " + target.stack() + ": nothing to fence",
                    Map.of("fenced", false));
        }
        String id = found.get().id();
        String drOrigin = DistributionSettings.originId(target.drRegion());
        GetDistributionConfigResponse current = cloudFront().getDistributionConfig(r -> r.id(id));
        DistributionConfig config = current.distributionConfig();
        Optional<OriginGroup> group = group(config);
        boolean drOriginThere = config.origins() != null && config.origins().items().stream()
                .anyMatch(o -> drOrigin.equals(o.id()));
        if (group.isEmpty() || !drOriginThere) {
            return StepResult.ran("distribution " + id + " has no origin group with the DR origin " + drOrigin
                    + ": nothing to fence", Map.of("fenced", false, "distribution", id));
        }
        if (!fenced(config, group.get(), drOrigin)) {
            try {
                cloudFront().updateDistribution(r -> r.id(id).ifMatch(current.eTag())
                        .distributionConfig(fence(config, drOrigin)));
            } catch (PreconditionFailedException changedMeanwhile) {
                return StepResult.waiting("distribution " + id + " changed meanwhile; reading it again", POLL);
            }
            changed = true;
            return StepResult.waiting("distribution " + id + ": default behavior set to " + drOrigin + " alone", POLL);
        }
        String status = cloudFront().getDistribution(r -> r.id(id)).distribution().status();
        if (!"Deployed".equals(status)) {
            return StepResult.waiting("distribution " + id + " " + status, POLL);
        }
        List<String> order = group.get().members().items().stream().map(OriginGroupMember::originId).toList();
        return StepResult.ran("distribution " + id + " serves from " + drOrigin + " alone" + (changed ? "" : " (already)")
                + ", Deployed", Map.of("fenced", true, "distribution", id, "target", drOrigin, "originOrder", order,
                "changed", changed));
    }

    /**
     * What {@link #ensure} leaves true, looked at without changing anything: empty when the stack's distribution
     * serves from the DR origin alone and is Deployed (or there is nothing to fence); else what is not so.
     */
    public Optional<String> unmet() {
        Optional<DistributionSummary> found = Distributions.ofStack(cloudFront(), target.stack());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String id = found.get().id();
        String drOrigin = DistributionSettings.originId(target.drRegion());
        DistributionConfig config = cloudFront().getDistributionConfig(r -> r.id(id)).distributionConfig();
        Optional<OriginGroup> group = group(config);
        if (group.isEmpty() || config.origins() == null
                || config.origins().items().stream().noneMatch(o -> drOrigin.equals(o.id()))) {
            return Optional.empty();
        }
        if (!fenced(config, group.get(), drOrigin)) {
            return Optional.of("distribution " + id + " does not serve from " + drOrigin + " alone");
        }
        String status = cloudFront().getDistribution(r -> r.id(id)).distribution().status();
        return "Deployed".equals(status) ? Optional.empty() : Optional.of("distribution " + id + " is " + status);
    }

    private static boolean fenced(DistributionConfig config, OriginGroup group, String drOrigin) {
        return drOrigin.equals(config.defaultCacheBehavior().targetOriginId())
                && drOrigin.equals(group.members().items().get(0).originId());
    }

    private static DistributionConfig fence(DistributionConfig config, String drOrigin) {
        return withDrFirst(config, drOrigin).toBuilder()
                .defaultCacheBehavior(config.defaultCacheBehavior().toBuilder().targetOriginId(drOrigin).build())
                .build();
    }

    private static Optional<OriginGroup> group(DistributionConfig config) {
        if (config.originGroups() == null || config.originGroups().items() == null) {
            return Optional.empty();
        }
        return config.originGroups().items().stream()
                .filter(g -> DistributionSettings.ORIGIN_GROUP_ID.equals(g.id())).findFirst();
    }

    private static DistributionConfig withDrFirst(DistributionConfig config, String drOrigin) {
        List<OriginGroup> groups = new ArrayList<>();
        for (OriginGroup group : config.originGroups().items()) {
            if (!DistributionSettings.ORIGIN_GROUP_ID.equals(group.id())) {
                groups.add(group);
                continue;
            }
            List<OriginGroupMember> members = new ArrayList<>();
            group.members().items().stream().filter(m -> drOrigin.equals(m.originId())).forEach(members::add);
            group.members().items().stream().filter(m -> !drOrigin.equals(m.originId())).forEach(members::add);
            groups.add(group.toBuilder().members(OriginGroupMembers.builder().quantity(members.size()).items(members)
                    .build()).build());
        }
        return config.toBuilder().originGroups(OriginGroups.builder().quantity(groups.size()).items(groups).build())
                .build();
    }

    private CloudFrontClient cloudFront() {
        return target.clients().cloudFront();
    }
}
