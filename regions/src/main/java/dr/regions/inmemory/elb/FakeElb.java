package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteLoadBalancerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeregisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyListenerResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ModifyTargetGroupResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;

/**
 * The in-memory Elastic Load Balancing v2 service (application load balancers). Each group of operations lives
 * in its own class; this one only routes. Operations dr does not use keep the SDK's default: they throw.
 */
public final class FakeElb extends FakeClient implements ElasticLoadBalancingV2Client {
    private final LoadBalancerOperations loadBalancers;
    private final TargetGroupOperations targetGroups;
    private final TargetOperations targets;
    private final ListenerOperations listeners;
    private final RuleOperations rules;
    private final TagOperations tags;

    public FakeElb(World world, String region) {
        super(SERVICE_NAME);
        ElbState state = world.region(region).elb;
        this.loadBalancers = new LoadBalancerOperations(world, region, state);
        this.targetGroups = new TargetGroupOperations(world, region, state);
        this.targets = new TargetOperations(world, region, state);
        this.listeners = new ListenerOperations(world, region, state);
        this.rules = new RuleOperations(world, region, state);
        this.tags = new TagOperations(state);
    }

    @Override
    public CreateLoadBalancerResponse createLoadBalancer(CreateLoadBalancerRequest request) {
        return loadBalancers.create(request);
    }

    @Override
    public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
        return loadBalancers.describe(request);
    }

    @Override
    public DeleteLoadBalancerResponse deleteLoadBalancer(DeleteLoadBalancerRequest request) {
        return loadBalancers.delete(request);
    }

    @Override
    public DescribeLoadBalancerAttributesResponse describeLoadBalancerAttributes(
            DescribeLoadBalancerAttributesRequest request) {
        return loadBalancers.describeAttributes(request);
    }

    @Override
    public ModifyLoadBalancerAttributesResponse modifyLoadBalancerAttributes(
            ModifyLoadBalancerAttributesRequest request) {
        return loadBalancers.modifyAttributes(request);
    }

    @Override
    public CreateTargetGroupResponse createTargetGroup(CreateTargetGroupRequest request) {
        return targetGroups.create(request);
    }

    @Override
    public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
        return targetGroups.describe(request);
    }

    @Override
    public ModifyTargetGroupResponse modifyTargetGroup(ModifyTargetGroupRequest request) {
        return targetGroups.modify(request);
    }

    @Override
    public DeleteTargetGroupResponse deleteTargetGroup(DeleteTargetGroupRequest request) {
        return targetGroups.delete(request);
    }

    @Override
    public DescribeTargetGroupAttributesResponse describeTargetGroupAttributes(
            DescribeTargetGroupAttributesRequest request) {
        return targetGroups.describeAttributes(request);
    }

    @Override
    public ModifyTargetGroupAttributesResponse modifyTargetGroupAttributes(
            ModifyTargetGroupAttributesRequest request) {
        return targetGroups.modifyAttributes(request);
    }

    @Override
    public RegisterTargetsResponse registerTargets(RegisterTargetsRequest request) {
        return targets.register(request);
    }

    @Override
    public DeregisterTargetsResponse deregisterTargets(DeregisterTargetsRequest request) {
        return targets.deregister(request);
    }

    @Override
    public DescribeTargetHealthResponse describeTargetHealth(DescribeTargetHealthRequest request) {
        return targets.describeHealth(request);
    }

    @Override
    public CreateListenerResponse createListener(CreateListenerRequest request) {
        return listeners.create(request);
    }

    @Override
    public DescribeListenersResponse describeListeners(DescribeListenersRequest request) {
        return listeners.describe(request);
    }

    @Override
    public ModifyListenerResponse modifyListener(ModifyListenerRequest request) {
        return listeners.modify(request);
    }

    @Override
    public DeleteListenerResponse deleteListener(DeleteListenerRequest request) {
        return listeners.delete(request);
    }

    @Override
    public CreateRuleResponse createRule(CreateRuleRequest request) {
        return rules.create(request);
    }

    @Override
    public DescribeRulesResponse describeRules(DescribeRulesRequest request) {
        return rules.describe(request);
    }

    @Override
    public DeleteRuleResponse deleteRule(DeleteRuleRequest request) {
        return rules.delete(request);
    }

    @Override
    public DescribeTagsResponse describeTags(DescribeTagsRequest request) {
        return tags.describe(request);
    }

    @Override
    public AddTagsResponse addTags(AddTagsRequest request) {
        return tags.add(request);
    }

    @Override
    public RemoveTagsResponse removeTags(RemoveTagsRequest request) {
        return tags.remove(request);
    }

}
