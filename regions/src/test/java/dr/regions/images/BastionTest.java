package dr.regions.images;

import dr.core.engine.Action;
import dr.core.engine.ExecutionResult;
import dr.core.engine.StepKey;
import dr.core.model.Cidr;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.network.Ec2Tags;
import dr.regions.step.RegionTarget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BastionTest {
    private final StackRun stack = new StackRun();

    private List<Instance> bastions(String region) {
        return stack.cloud().ec2(region).describeInstances(r -> r.filters(Ec2Tags.tag("dr:role", "bastion")))
                .reservations().stream().map(Reservation::instances).flatMap(List::stream).toList();
    }

    @Test
    void withoutAnAdminCidrThereIsNoBastionStepAndNoBastion() {
        StackSpec spec = StackRun.defaultSpec();
        assertThat(BastionSteps.forRegion(new RegionTarget(spec, RegionRole.PRIMARY, stack.cloud()))).isEmpty();

        ExecutionResult result = stack.run(spec);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.find(StepKey.of(StackRun.PRIMARY, "bastion"))).isEmpty();
        assertThat(bastions(StackRun.PRIMARY)).isEmpty();
    }

    @Test
    void withAnAdminCidrABastionRunsInThePrimaryPublicSubnetBehindTheBastionGroup() {
        StackSpec spec = StackRun.defaultSpec().withAdminCidr(Cidr.parse("203.0.113.0/24"));

        ExecutionResult result = stack.run(spec);

        assertThat(result.succeeded()).isTrue();
        Instance bastion = bastions(StackRun.PRIMARY).get(0);
        assertThat(bastions(StackRun.PRIMARY)).hasSize(1);
        assertThat(bastion.subnetId()).isEqualTo(
                result.outcome(StepKey.of(StackRun.PRIMARY, "subnet-public-a")).outputs().get("id"));
        assertThat(bastion.securityGroups()).singleElement().satisfies(g -> assertThat(g.groupId())
                .isEqualTo(result.outcome(StepKey.of(StackRun.PRIMARY, "sg-bastion")).outputs().get("id")));
        assertThat(bastion.publicIpAddress()).isNotNull()
                .isEqualTo(result.outcome(StepKey.of(StackRun.PRIMARY, "bastion")).outputs().get("publicIp"));
        assertThat(stack.cloud().ec2(StackRun.PRIMARY).describeImages(r -> r.imageIds(bastion.imageId()))
                .images().get(0).name()).startsWith("al2023-ami-2023.").endsWith("-x86_64");
        assertThat(Ec2Tags.toMap(bastion.tags())).containsEntry("dr:role", "bastion").containsEntry("dr:stack", "dr");
        assertThat(bastion.state().nameAsString()).isEqualTo("running");
    }

    @Test
    void theDrRegionNeverGetsABastion() {
        StackSpec spec = StackRun.defaultSpec().withAdminCidr(Cidr.parse("203.0.113.0/24"));
        assertThat(BastionSteps.forRegion(new RegionTarget(spec, RegionRole.DR, stack.cloud()))).isEmpty();

        stack.run(spec);

        assertThat(bastions(StackRun.DR)).isEmpty();
    }

    @Test
    void aSecondRunKeepsTheBastion() {
        StackSpec spec = StackRun.defaultSpec().withAdminCidr(Cidr.parse("203.0.113.0/24"));
        stack.run(spec);
        long mutating = stack.cloud().world().calls().mutating();

        ExecutionResult second = stack.run(spec);

        assertThat(second.outcome(StepKey.of(StackRun.PRIMARY, "bastion")).action())
                .isEqualTo(Action.KEEP);
        assertThat(stack.cloud().world().calls().mutating()).isEqualTo(mutating);
        assertThat(bastions(StackRun.PRIMARY)).hasSize(1);
    }
}
