package dr.regions.discovery;

import dr.core.model.Tags;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack's load balancing in one region. ELB cannot filter by tag: list load balancers and target groups, then
 * read their tags with DescribeTags, 20 ARNs a call (its limit). Listeners and rules belong to their load
 * balancer: those of a stack load balancer are the stack's (they go with it).
 */
final class LoadBalancerReader {
    /** DescribeTags takes at most 20 resource ARNs. */
    static final int TAG_BATCH = 20;

    private final ElasticLoadBalancingV2Client elb;
    private final String region;
    private final StackTag stack;

    LoadBalancerReader(ElasticLoadBalancingV2Client elb, String region, StackTag stack) {
        this.elb = elb;
        this.region = region;
        this.stack = stack;
    }

    List<StackResource> read() {
        List<StackResource> found = new ArrayList<>();
        List<LoadBalancer> balancers = new ArrayList<>();
        elb.describeLoadBalancersPaginator(r -> { }).loadBalancers().forEach(balancers::add);
        Map<String, Map<String, String>> balancerTags = tags(balancers.stream().map(LoadBalancer::loadBalancerArn)
                .toList());
        for (LoadBalancer lb : balancers) {
            Map<String, String> tags = balancerTags.getOrDefault(lb.loadBalancerArn(), Map.of());
            if (stack.marks(tags)) {
                StackResource balancer = StackResource.of(ResourceKind.LOAD_BALANCER, region, lb.loadBalancerArn(),
                                tags)
                        .state(lb.state() == null ? null : lb.state().codeAsString())
                        .with(Attributes.NAME, lb.loadBalancerName()).with(Attributes.DNS_NAME, lb.dnsName())
                        .with(Attributes.VPC_ID, lb.vpcId()).build();
                found.add(balancer);
                found.addAll(listenersOf(balancer));
            }
        }
        List<TargetGroup> groups = new ArrayList<>();
        elb.describeTargetGroupsPaginator(r -> { }).targetGroups().forEach(groups::add);
        Map<String, Map<String, String>> groupTags = tags(groups.stream().map(TargetGroup::targetGroupArn).toList());
        for (TargetGroup group : groups) {
            Map<String, String> tags = groupTags.getOrDefault(group.targetGroupArn(), Map.of());
            if (stack.marks(tags)) {
                found.add(StackResource.of(ResourceKind.TARGET_GROUP, region, group.targetGroupArn(), tags)
                        .with(Attributes.NAME, group.targetGroupName()).with(Attributes.VPC_ID, group.vpcId())
                        .build());
            }
        }
        return found;
    }

    private List<StackResource> listenersOf(StackResource balancer) {
        List<Listener> listeners = new ArrayList<>();
        elb.describeListenersPaginator(r -> r.loadBalancerArn(balancer.id())).listeners().forEach(listeners::add);
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        List<String> arns = new ArrayList<>();
        for (Listener listener : listeners) {
            arns.add(listener.listenerArn());
            List<Rule> own = new ArrayList<>();
            elb.describeRulesPaginator(r -> r.listenerArn(listener.listenerArn())).rules().stream()
                    .filter(rule -> !Boolean.TRUE.equals(rule.isDefault())).forEach(own::add);
            own.forEach(rule -> arns.add(rule.ruleArn()));
            rules.put(listener.listenerArn(), own);
        }
        Map<String, Map<String, String>> tags = tags(arns);
        List<StackResource> found = new ArrayList<>();
        for (Listener listener : listeners) {
            String listenerRole = balancer.role() + "-listener-" + listener.port();
            Map<String, String> listenerTags = tags.getOrDefault(listener.listenerArn(), Map.of());
            found.add(StackResource.of(ResourceKind.LISTENER, region, listener.listenerArn())
                    .role(listenerTags.getOrDefault(Tags.ROLE, listenerRole)).regionRole(balancer.regionRole())
                    .with(Attributes.LOAD_BALANCER, balancer.id()).with(Attributes.PORT, listener.port())
                    .with("protocol", listener.protocolAsString()).build());
            for (Rule rule : rules.get(listener.listenerArn())) {
                Map<String, String> ruleTags = tags.getOrDefault(rule.ruleArn(), Map.of());
                found.add(StackResource.of(ResourceKind.LISTENER_RULE, region, rule.ruleArn())
                        .role(ruleTags.getOrDefault(Tags.ROLE, listenerRole + "-rule-" + rule.priority()))
                        .regionRole(balancer.regionRole())
                        .with(Attributes.LISTENER, listener.listenerArn())
                        .with(Attributes.LOAD_BALANCER, balancer.id()).build());
            }
        }
        return found;
    }

    private Map<String, Map<String, String>> tags(List<String> arns) {
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (int start = 0; start < arns.size(); start += TAG_BATCH) {
            List<String> batch = arns.subList(start, Math.min(arns.size(), start + TAG_BATCH));
            for (TagDescription description : elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions()) {
                Map<String, String> map = new LinkedHashMap<>();
                for (Tag tag : description.tags()) {
                    map.put(tag.key(), tag.value());
                }
                tags.put(description.resourceArn(), map);
            }
        }
        return tags;
    }
}
