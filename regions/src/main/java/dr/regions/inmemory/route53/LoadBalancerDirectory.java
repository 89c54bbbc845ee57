package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.MarkerPages;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds load balancers by DNS name across the regions of the world, and reads their listeners and rules,
 * all through the ELB fake's SDK operations (unproxied, as sibling fakes talk to each other) and as internal
 * lookups: the eventual-consistency fault's miss is meant for dr, not for Route 53.
 */
final class LoadBalancerDirectory {
    private static final String ELB_SUFFIX = ".elb.amazonaws.com";

    /** A load balancer with the region it lives in. */
    record Found(String region, LoadBalancer loadBalancer) {
    }

    private final World world;

    LoadBalancerDirectory(World world) {
        this.world = world;
    }

    static boolean looksLikeElb(String dnsName) {
        return DnsNames.relative(dnsName).endsWith(ELB_SUFFIX);
    }

    /** {@code dualstack.} is the alias form of an ALB's name; both resolve to the same load balancer. */
    Optional<Found> byDnsName(String dnsName) {
        String wanted = DnsNames.relative(dnsName);
        if (wanted.startsWith("dualstack.")) {
            wanted = wanted.substring("dualstack.".length());
        }
        for (String region : candidateRegions(wanted)) {
            for (LoadBalancer lb : loadBalancers(region)) {
                if (lb.dnsName() != null && DnsNames.relative(lb.dnsName()).equals(wanted)) {
                    return Optional.of(new Found(region, lb));
                }
            }
        }
        return Optional.empty();
    }

    /** The region is part of an ELB name ({@code name-123.us-east-1.elb.amazonaws.com}); else look everywhere. */
    private List<String> candidateRegions(String dnsName) {
        List<String> known = new ArrayList<>(world.regions.keySet());
        if (dnsName.endsWith(ELB_SUFFIX)) {
            String[] labels = dnsName.substring(0, dnsName.length() - ELB_SUFFIX.length()).split("\\.");
            String region = labels[labels.length - 1];
            if (known.contains(region)) {
                return List.of(region);
            }
        }
        return known;
    }

    private List<LoadBalancer> loadBalancers(String region) {
        return world.faults().internal(() -> loadBalancers(world.services().elb(region)));
    }

    private static List<LoadBalancer> loadBalancers(ElasticLoadBalancingV2Client elb) {
        return MarkerPages.all(marker -> elb.describeLoadBalancers(r -> r.marker(marker)),
                DescribeLoadBalancersResponse::loadBalancers, DescribeLoadBalancersResponse::nextMarker);
    }

    List<Listener> listeners(Found found) {
        return world.faults().internal(() -> listeners(world.services().elb(found.region()), found));
    }

    private static List<Listener> listeners(ElasticLoadBalancingV2Client elb, Found found) {
        return MarkerPages.all(marker -> elb.describeListeners(
                        r -> r.loadBalancerArn(found.loadBalancer().loadBalancerArn()).marker(marker)),
                DescribeListenersResponse::listeners, DescribeListenersResponse::nextMarker);
    }

    List<Rule> rules(Found found, Listener listener) {
        return world.faults().internal(() -> rules(world.services().elb(found.region()), listener));
    }

    private static List<Rule> rules(ElasticLoadBalancingV2Client elb, Listener listener) {
        return MarkerPages.all(marker -> elb.describeRules(r -> r.listenerArn(listener.listenerArn()).marker(marker)),
                DescribeRulesResponse::rules, DescribeRulesResponse::nextMarker);
    }

    List<TargetHealthDescription> targetHealth(Found found, String targetGroupArn) {
        return world.faults().internal(() -> world.services().elb(found.region())
                .describeTargetHealth(r -> r.targetGroupArn(targetGroupArn)).targetHealthDescriptions());
    }
}
