package dr.regions.inmemory.autoscaling;

import dr.regions.inmemory.world.AutoScalingState;
import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteAutoScalingGroupResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingInstancesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityRequest;
import software.amazon.awssdk.services.autoscaling.model.SetDesiredCapacityResponse;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupResponse;

/**
 * The in-memory EC2 Auto Scaling service: groups launched from EC2 launch templates into subnets, attached to
 * ELB target groups. Every call first settles what modeled time has completed (see {@link Settler}). Operations
 * dr does not use keep the SDK's default: they throw.
 */
public final class FakeAutoScaling extends FakeClient implements AutoScalingClient {
    private final Settler settler;
    private final GroupOperations groups;
    private final GroupQueries queries;
    private final AsgTags tags;

    public FakeAutoScaling(World world, String region) {
        super(SERVICE_NAME);
        AutoScalingState state = world.region(region).autoScaling;
        this.settler = new Settler(world, region, state);
        this.groups = new GroupOperations(world, region, state);
        this.queries = new GroupQueries(world, state);
        this.tags = new AsgTags(state);
    }

    @Override
    public CreateAutoScalingGroupResponse createAutoScalingGroup(CreateAutoScalingGroupRequest request) {
        settle();
        return groups.create(request);
    }

    @Override
    public UpdateAutoScalingGroupResponse updateAutoScalingGroup(UpdateAutoScalingGroupRequest request) {
        settle();
        return groups.update(request);
    }

    @Override
    public SetDesiredCapacityResponse setDesiredCapacity(SetDesiredCapacityRequest request) {
        settle();
        return groups.setDesiredCapacity(request);
    }

    @Override
    public DeleteAutoScalingGroupResponse deleteAutoScalingGroup(DeleteAutoScalingGroupRequest request) {
        settle();
        return groups.delete(request);
    }

    @Override
    public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(DescribeAutoScalingGroupsRequest request) {
        settle();
        return queries.describeGroups(request);
    }

    @Override
    public DescribeAutoScalingInstancesResponse describeAutoScalingInstances(
            DescribeAutoScalingInstancesRequest request) {
        settle();
        return queries.describeInstances(request);
    }

    @Override
    public DescribeScalingActivitiesResponse describeScalingActivities(DescribeScalingActivitiesRequest request) {
        settle();
        return queries.describeActivities(request);
    }

    @Override
    public CreateOrUpdateTagsResponse createOrUpdateTags(CreateOrUpdateTagsRequest request) {
        settle();
        return tags.createOrUpdate(request);
    }

    @Override
    public DeleteTagsResponse deleteTags(DeleteTagsRequest request) {
        settle();
        return tags.delete(request);
    }

    @Override
    public DescribeTagsResponse describeTags(DescribeTagsRequest request) {
        settle();
        return tags.describe(request);
    }

    private void settle() {
        settler.settle();
    }
}
