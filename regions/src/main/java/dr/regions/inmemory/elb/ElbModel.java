package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ElbState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ForwardActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.HostHeaderConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Matcher;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PathPatternConditionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Turns the fake's state into the SDK's response objects, shaped as AWS returns them. */
final class ElbModel {
    private ElbModel() {
    }

    static LoadBalancer loadBalancer(ElbState.LoadBalancer lb, Instant now) {
        return LoadBalancer.builder()
                .loadBalancerArn(lb.arn)
                .loadBalancerName(lb.name)
                .dnsName(lb.dnsName)
                .canonicalHostedZoneId(lb.canonicalHostedZoneId)
                .createdTime(lb.createdAt)
                .scheme(lb.scheme)
                .type(lb.type)
                .ipAddressType(lb.ipAddressType)
                .vpcId(lb.vpcId)
                .state(LoadBalancerState.builder().code(lb.lifecycle.stateAt(now)).build())
                .availabilityZones(lb.subnetZones.entrySet().stream()
                        .map(e -> AvailabilityZone.builder().subnetId(e.getKey()).zoneName(e.getValue()).build())
                        .toList())
                .securityGroups(lb.securityGroups)
                .build();
    }

    static TargetGroup targetGroup(ElbState.TargetGroup tg, List<String> loadBalancerArns) {
        ElbState.HealthCheck hc = tg.healthCheck;
        return TargetGroup.builder()
                .targetGroupArn(tg.arn)
                .targetGroupName(tg.name)
                .protocol(tg.protocol)
                .protocolVersion(tg.protocolVersion)
                .port(tg.port)
                .vpcId(tg.vpcId)
                .targetType(tg.targetType)
                .ipAddressType("ipv4")
                .healthCheckEnabled(hc.enabled)
                .healthCheckProtocol(hc.protocol)
                .healthCheckPort(hc.port)
                .healthCheckPath(hc.path)
                .healthCheckIntervalSeconds(hc.intervalSeconds)
                .healthCheckTimeoutSeconds(hc.timeoutSeconds)
                .healthyThresholdCount(hc.healthyThreshold)
                .unhealthyThresholdCount(hc.unhealthyThreshold)
                .matcher(Matcher.builder().httpCode(hc.matcher).build())
                .loadBalancerArns(loadBalancerArns)
                .build();
    }

    static Listener listener(ElbState.Listener listener) {
        return Listener.builder()
                .listenerArn(listener.arn)
                .loadBalancerArn(listener.loadBalancerArn)
                .protocol(listener.protocol)
                .port(listener.port)
                .sslPolicy(listener.sslPolicy)
                .certificates(listener.certificateArns.isEmpty() ? null : listener.certificateArns.stream()
                        .map(arn -> Certificate.builder().certificateArn(arn).build())
                        .toList())
                .defaultActions(actions(listener.defaultActions))
                .build();
    }

    static Rule defaultRule(ElbState.Listener listener) {
        return Rule.builder()
                .ruleArn(listener.defaultRuleArn)
                .priority("default")
                .isDefault(true)
                .conditions(List.of())
                .actions(actions(listener.defaultActions))
                .build();
    }

    static Rule rule(ElbState.Rule rule) {
        return Rule.builder()
                .ruleArn(rule.arn)
                .priority(Integer.toString(rule.priority))
                .isDefault(false)
                .conditions(rule.conditions.stream().map(ElbModel::condition).toList())
                .actions(actions(rule.actions))
                .build();
    }

    static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    private static RuleCondition condition(ElbState.Condition condition) {
        RuleCondition.Builder builder = RuleCondition.builder().field(condition.field()).values(condition.values());
        if (condition.field().equals("path-pattern")) {
            builder.pathPatternConfig(PathPatternConditionConfig.builder().values(condition.values()).build());
        } else if (condition.field().equals("host-header")) {
            builder.hostHeaderConfig(HostHeaderConditionConfig.builder().values(condition.values()).build());
        }
        return builder.build();
    }

    static List<Action> actions(List<ElbState.Action> actions) {
        return actions.stream().map(ElbModel::action).toList();
    }

    private static Action action(ElbState.Action action) {
        Action.Builder builder = Action.builder().type(action.type).order(action.order);
        switch (action.type) {
            case "forward" -> {
                if (action.forwardTo.size() == 1) {
                    builder.targetGroupArn(action.forwardTo.get(0).targetGroupArn());
                }
                builder.forwardConfig(ForwardActionConfig.builder()
                        .targetGroups(action.forwardTo.stream()
                                .map(t -> TargetGroupTuple.builder()
                                        .targetGroupArn(t.targetGroupArn())
                                        .weight(t.weight() == null ? 1 : t.weight())
                                        .build())
                                .toList())
                        .build());
            }
            case "fixed-response" -> builder.fixedResponseConfig(FixedResponseActionConfig.builder()
                    .statusCode(action.fixedResponse.statusCode())
                    .contentType(action.fixedResponse.contentType())
                    .messageBody(action.fixedResponse.messageBody())
                    .build());
            case "redirect" -> builder.redirectConfig(RedirectActionConfig.builder()
                    .protocol(action.redirect.protocol())
                    .port(action.redirect.port())
                    .host(action.redirect.host())
                    .path(action.redirect.path())
                    .query(action.redirect.query())
                    .statusCode(action.redirect.statusCode())
                    .build());
            default -> throw new IllegalStateException("unknown action type " + action.type);
        }
        return builder.build();
    }
}
