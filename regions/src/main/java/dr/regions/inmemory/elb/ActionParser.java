package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.ElbState;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.FixedResponseActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionConfig;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates listener and rule actions as AWS does and turns them into state: forward (to existing target groups
 * that no other load balancer uses), fixed-response and redirect. Other action types are not modeled.
 */
final class ActionParser {
    private static final Pattern STATUS_CODE = Pattern.compile("^(2|4|5)\\d\\d$");
    private static final Set<String> CONTENT_TYPES =
            Set.of("text/plain", "text/css", "text/html", "application/javascript", "application/json");
    private static final int MAX_MESSAGE_BODY = 1024;

    private final ElbState state;

    ActionParser(ElbState state) {
        this.state = state;
    }

    /** @param member the request member, for the error message ({@code defaultActions}, {@code actions}). */
    List<ElbState.Action> parse(List<Action> actions, String member, String loadBalancerArn) {
        if (actions == null || actions.isEmpty()) {
            throw ElbErrors.missing(member);
        }
        List<ElbState.Action> parsed = new ArrayList<>();
        for (Action action : actions) {
            parsed.add(parse(action, loadBalancerArn));
        }
        if (parsed.size() > 1) {
            // Every modeled type is terminal; only authenticate actions (not modeled) may precede one.
            throw ElbErrors.validation("You must specify exactly one forward, fixed-response or redirect action");
        }
        return parsed;
    }

    private ElbState.Action parse(Action action, String loadBalancerArn) {
        String type = action.typeAsString();
        if (type == null) {
            throw ElbErrors.missing("type");
        }
        ElbState.Action parsed = new ElbState.Action();
        parsed.type = type;
        parsed.order = action.order();
        switch (type) {
            case "forward" -> parsed.forwardTo = forwardTargets(action, loadBalancerArn);
            case "fixed-response" -> parsed.fixedResponse = fixedResponse(action.fixedResponseConfig());
            case "redirect" -> parsed.redirect = redirect(action.redirectConfig());
            default -> throw new UnsupportedOperationException("action type " + type + " is not modeled");
        }
        return parsed;
    }

    private List<ElbState.WeightedTargetGroup> forwardTargets(Action action, String loadBalancerArn) {
        List<ElbState.WeightedTargetGroup> targets = new ArrayList<>();
        if (action.forwardConfig() != null && action.forwardConfig().hasTargetGroups()) {
            for (TargetGroupTuple tuple : action.forwardConfig().targetGroups()) {
                targets.add(new ElbState.WeightedTargetGroup(tuple.targetGroupArn(), tuple.weight()));
            }
        } else if (action.targetGroupArn() != null) {
            targets.add(new ElbState.WeightedTargetGroup(action.targetGroupArn(), null));
        }
        if (targets.isEmpty()) {
            throw ElbErrors.validation("A target group ARN must be specified for a forward action");
        }
        for (ElbState.WeightedTargetGroup target : targets) {
            if (!state.targetGroups.containsKey(target.targetGroupArn())) {
                throw ElbErrors.targetGroupNotFound("Target groups '[" + target.targetGroupArn() + "]' not found");
            }
            Set<String> users = loadBalancersForwardingTo(target.targetGroupArn());
            users.remove(loadBalancerArn);
            if (!users.isEmpty()) {
                throw ElbErrors.targetGroupAssociationLimit(target.targetGroupArn());
            }
        }
        return targets;
    }

    private static ElbState.FixedResponse fixedResponse(FixedResponseActionConfig config) {
        if (config == null || config.statusCode() == null) {
            throw ElbErrors.missing("fixedResponseConfig.statusCode");
        }
        if (!STATUS_CODE.matcher(config.statusCode()).matches()) {
            throw ElbErrors.validation(ValidationMessage.of("fixedResponseConfig.statusCode", config.statusCode(),
                    "Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$"));
        }
        if (config.contentType() != null && !CONTENT_TYPES.contains(config.contentType())) {
            throw ElbErrors.validation("Content type '" + config.contentType() + "' is not valid");
        }
        if (config.messageBody() != null && config.messageBody().length() > MAX_MESSAGE_BODY) {
            throw ElbErrors.validation("1 validation error detected: Value at 'fixedResponseConfig.messageBody' "
                    + "failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_MESSAGE_BODY);
        }
        return new ElbState.FixedResponse(config.statusCode(), config.contentType(), config.messageBody());
    }

    private static ElbState.Redirect redirect(RedirectActionConfig config) {
        if (config == null || config.statusCodeAsString() == null) {
            throw ElbErrors.missing("redirectConfig.statusCode");
        }
        String status = config.statusCodeAsString();
        if (!status.equals("HTTP_301") && !status.equals("HTTP_302")) {
            throw ElbErrors.validation(ValidationMessage.of("redirectConfig.statusCode", status,
                    "Member must satisfy enum value set: [HTTP_301, HTTP_302]"));
        }
        return new ElbState.Redirect(
                orDefault(config.protocol(), "#{protocol}"),
                orDefault(config.port(), "#{port}"),
                orDefault(config.host(), "#{host}"),
                orDefault(config.path(), "/#{path}"),
                orDefault(config.query(), "#{query}"),
                status);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    /** The load balancers whose listeners or rules forward to a target group. */
    Set<String> loadBalancersForwardingTo(String targetGroupArn) {
        Set<String> loadBalancers = new LinkedHashSet<>();
        for (ElbState.Listener listener : state.listeners.values()) {
            if (forwardsTo(listener.defaultActions, targetGroupArn)) {
                loadBalancers.add(listener.loadBalancerArn);
            }
        }
        for (ElbState.Rule rule : state.rules.values()) {
            ElbState.Listener listener = state.listeners.get(rule.listenerArn);
            if (listener != null && forwardsTo(rule.actions, targetGroupArn)) {
                loadBalancers.add(listener.loadBalancerArn);
            }
        }
        return loadBalancers;
    }

    static boolean forwardsTo(List<ElbState.Action> actions, String targetGroupArn) {
        return targetGroupsOf(actions).contains(targetGroupArn);
    }

    static Set<String> targetGroupsOf(List<ElbState.Action> actions) {
        Set<String> arns = new LinkedHashSet<>();
        for (ElbState.Action action : actions) {
            for (ElbState.WeightedTargetGroup target : action.forwardTo) {
                arns.add(target.targetGroupArn());
            }
        }
        return arns;
    }
}
