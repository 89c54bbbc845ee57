package dr.regions.images;

import dr.core.engine.Action;
import dr.core.engine.Step;
import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.engine.StepResult;
import dr.core.model.ModeledDurations;
import dr.regions.step.RegionTarget;
import dr.regions.topology.Tier;
import software.amazon.awssdk.services.ec2.model.Image;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tier's image in the primary region when the operator brings it ({@code --web-image}, {@code --app-image}): dr
 * neither makes nor tags it (it is not the stack's: cleanup must never deregister it), it only checks that it is still
 * there and {@code available} and hands its id to the launch template and the DR copy. Always KEEP.
 */
public final class GivenImageStep implements Step {
    private final RegionTarget target;
    private final Tier tier;
    private final String imageId;

    public GivenImageStep(RegionTarget target, Tier tier) {
        this.target = target;
        this.tier = tier;
        this.imageId = tier.givenImage(target.spec()).orElseThrow(
                () -> new IllegalArgumentException("no image given for the " + tier.role() + " tier"));
    }

    @Override
    public StepKey key() {
        return target.key(tier.imageRole());
    }

    @Override
    public List<StepKey> dependsOn() {
        return List.of();
    }

    @Override
    public String resourceType() {
        return "AWS::EC2::Image";
    }

    @Override
    public Duration estimate() {
        return ModeledDurations.IMMEDIATE;
    }

    @Override
    public Action plannedAction() {
        return Action.KEEP;
    }

    @Override
    public StepResult execute(StepContext context) {
        Optional<Image> image = GivenImageCheck.describe(target.clients().ec2(target.region()), imageId);
        if (image.isEmpty()) {
            return StepResult.failed(GivenImageCheck.option(tier) + " " + imageId + " no longer exists in "
                    + target.region());
        }
        String state = image.get().stateAsString();
        if (!"available".equals(state)) {
            return StepResult.failed(GivenImageCheck.option(tier) + " " + imageId + " is " + state + ", not available");
        }
        return StepResult.done(Action.KEEP, imageId, Map.of("id", imageId));
    }
}
