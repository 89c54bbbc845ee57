package dr.regions.images;

import dr.core.clock.Clock;
import dr.regions.network.Ec2Tags;
import dr.regions.step.ResourceState;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The single instances dr runs itself (image builders, the bastion): found by tags, terminated ones ignored. */
final class Instances {
    private static final List<String> LIVE_STATES = List.of("pending", "running", "stopping", "stopped");

    private Instances() {
    }

    /** The newest live instance with this stack's role tag. */
    static Optional<Instance> findLive(Ec2Client ec2, String stack, String role) {
        List<Filter> filters = new ArrayList<>(Ec2Tags.byRole(stack, role));
        filters.add(Ec2Tags.filter("instance-state-name", LIVE_STATES.toArray(String[]::new)));
        return ec2.describeInstancesPaginator(r -> r.filters(filters)).reservations().stream()
                .map(Reservation::instances).flatMap(List::stream)
                .max(Comparator.comparing(Instance::launchTime));
    }

    /**
     * Runs one instance of the newest base image, with IMDSv2 required and {@code tags} on the instance and its
     * volume; {@code details} gives the rest (type, subnet, security group, user data).
     */
    static Instance launch(Ec2Client ec2, String region, Map<String, String> tags,
                           Consumer<RunInstancesRequest.Builder> details) {
        String imageId = BaseImage.newest(ec2, region);
        return ec2.runInstances(r -> details.accept(r.imageId(imageId)
                .minCount(1).maxCount(1)
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED))
                .tagSpecifications(Ec2Tags.specification(ResourceType.INSTANCE, tags),
                        Ec2Tags.specification(ResourceType.VOLUME, tags)))).instances().get(0);
    }

    static Instance require(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
    }

    static String arn(String region, String account, String instanceId) {
        return "arn:aws:ec2:" + region + ":" + account + ":instance/" + instanceId;
    }

    /**
     * Usable once running and, for an instance whose user data must finish first, {@code settle} after launch.
     * A stopped instance is usable too: an operator may stop a builder to save cost, and it can still be backed up.
     */
    static ResourceState readiness(Instance instance, Clock clock, Duration settle) {
        String state = instance.state().nameAsString();
        return switch (state) {
            case "running" -> clock.now().isBefore(instance.launchTime().plus(settle))
                    ? ResourceState.waiting("running user data") : ResourceState.ready();
            case "stopped" -> ResourceState.ready();
            case "shutting-down", "terminated" -> ResourceState.broken(state);
            default -> ResourceState.waiting(state);
        };
    }
}
