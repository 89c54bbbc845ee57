package dr.regions.provision;

import dr.core.config.RecordedSettings;
import dr.core.engine.Action;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import dr.core.model.StackSpec;
import dr.regions.network.Ec2Tags;
import dr.regions.network.NetworkRoles;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the stack's settings on the region's VPC ({@link StackSettingsRecord}) as soon as the VPC exists, so that a
 * run that stops halfway has already recorded what it was building: its re-run, with the settings left out, finishes
 * that same stack. Writes only the tags that differ (EC2 CreateTags overwrites a tag's value); reports
 * {@code create} for the first record, {@code update} when a setting changed, {@code unchanged} otherwise.
 *
 * @param settings the stack as given, before a failover state adjusts what the plan builds
 */
public record SettingsRecordStep(RegionTarget target, StackSpec settings) implements Step {
    public static final String ROLE = "settings";

    @Override
    public StepKey key() {
        return target.key(ROLE);
    }

    @Override
    public List<StepKey> dependsOn() {
        return List.of(target.key(NetworkRoles.VPC));
    }

    @Override
    public String resourceType() {
        return "AWS::EC2::VPC";
    }

    @Override
    public Duration estimate() {
        return ModeledDurations.IMMEDIATE;
    }

    @Override
    public StepResult execute(StepContext context) {
        String vpcId = context.require(target.key(NetworkRoles.VPC), "id");
        Map<String, String> wanted = RecordedSettings.tags(settings);
        Map<String, String> present = Ec2Tags.toMap(ec2().describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0).tags());
        Map<String, String> differing = new LinkedHashMap<>(wanted);
        differing.entrySet().removeIf(tag -> tag.getValue().equals(present.get(tag.getKey())));
        if (differing.isEmpty()) {
            return StepResult.done(Action.KEEP, vpcId);
        }
        boolean first = present.keySet().stream().noneMatch(key -> key.startsWith(RecordedSettings.TAG_PREFIX));
        ec2().createTags(r -> r.resources(vpcId).tags(Ec2Tags.toTags(differing)));
        return StepResult.done(first ? Action.CREATE : Action.UPDATE, vpcId);
    }

    private Ec2Client ec2() {
        return target.clients().ec2(target.region());
    }
}
