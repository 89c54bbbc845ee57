package dr.regions.loadbalancing;

import dr.regions.topology.Tier;
import dr.core.engine.StepContext;
import dr.core.model.ModeledDurations;
import dr.regions.network.Ec2Tags;
import dr.regions.step.EnsureStep;
import dr.regions.step.RegionTarget;
import software.amazon.awssdk.services.ec2.model.Image;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Test stand-in for the image steps ({@code dr.regions.images}): {@code <region>/image-<tier>} with output {@code id},
 * here Amazon's Amazon Linux 2023 base image of the region, which the sandbox account has in every region.
 */
public final class StandInImageStep extends EnsureStep {
    private final RegionTarget target;

    public StandInImageStep(RegionTarget target, Tier tier) {
        super(target.key(tier.imageRole()), List.of(), "AWS::EC2::Image", ModeledDurations.IMMEDIATE);
        this.target = target;
    }

    @Override
    protected Optional<String> find(StepContext context) {
        return target.clients().ec2(target.region()).describeImages(r -> r.owners("amazon")
                        .filters(Ec2Tags.filter("name", "al2023-ami-*"), Ec2Tags.filter("architecture", "x86_64")))
                .images().stream().max(Comparator.comparing(Image::name)).map(Image::imageId);
    }

    @Override
    protected String create(StepContext context) {
        throw new IllegalStateException("the sandbox account has no Amazon Linux 2023 image in " + target.region());
    }
}
