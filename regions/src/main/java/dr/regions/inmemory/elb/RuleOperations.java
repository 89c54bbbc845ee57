package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DeleteRuleResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeRulesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CreateRule, DescribeRules and DeleteRule; conditions on path-pattern and host-header are modeled. */
final class RuleOperations {
    private static final int MIN_PRIORITY = 1;
    private static final int MAX_PRIORITY = 50_000;

    private final World world;
    private final String region;
    private final ElbState state;
    private final ActionParser actions;
    private final ListenerOperations listeners;

    RuleOperations(World world, String region, ElbState state) {
        this.world = world;
        this.region = region;
        this.state = state;
        this.actions = new ActionParser(state);
        this.listeners = new ListenerOperations(world, region, state);
    }

    CreateRuleResponse create(CreateRuleRequest request) {
        ElbState.Listener listener = listeners.existing(request.listenerArn());
        if (request.priority() == null) {
            throw ElbErrors.missing("priority");
        }
        int priority = request.priority();
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw ElbErrors.validation(ValidationMessage.of("priority", priority,
                    "Member must have value between " + MIN_PRIORITY + " and " + MAX_PRIORITY));
        }
        List<ElbState.Condition> conditions = conditions(request.conditions());
        List<ElbState.Action> parsedActions = actions.parse(request.actions(), "actions", listener.loadBalancerArn);
        boolean taken = state.rules.values().stream()
                .anyMatch(r -> r.listenerArn.equals(listener.arn) && r.priority == priority);
        if (taken) {
            throw ElbErrors.priorityInUse(priority);
        }

        ElbState.Rule rule = new ElbState.Rule();
        String listenerPath = listener.arn.substring(listener.arn.indexOf(":listener/") + ":listener/".length());
        rule.arn = world.arn("elasticloadbalancing", region, "listener-rule/" + listenerPath + "/" + world.ids.hex(16));
        rule.listenerArn = listener.arn;
        rule.priority = priority;
        rule.conditions = conditions;
        rule.actions = parsedActions;
        rule.tags = ElbTags.of(request.tags());
        state.rules.put(rule.arn, rule);
        world.dependencies.use(rule.arn, ActionParser.targetGroupsOf(parsedActions).toArray(String[]::new));
        world.faults().created(rule.arn);
        return CreateRuleResponse.builder().rules(ElbModel.rule(rule)).build();
    }

    /** Rules in priority order, the listener's default rule last, as AWS lists them. */
    DescribeRulesResponse describe(DescribeRulesRequest request) {
        List<Rule> found = new ArrayList<>();
        if (request.hasRuleArns() && !request.ruleArns().isEmpty()) {
            for (String arn : request.ruleArns()) {
                found.add(byArn(arn));
            }
        } else if (request.listenerArn() != null) {
            ElbState.Listener listener = listeners.existing(request.listenerArn());
            state.rules.values().stream()
                    .filter(r -> r.listenerArn.equals(listener.arn))
                    .sorted(Comparator.comparingInt(r -> r.priority))
                    .forEach(r -> found.add(ElbModel.rule(r)));
            found.add(ElbModel.defaultRule(listener));
        } else {
            throw ElbErrors.validation("You must specify either listener ARN or rule ARNs");
        }
        MarkerPage<Rule> page = MarkerPage.of(found, request.marker(), request.pageSize());
        return DescribeRulesResponse.builder().rules(page.items()).nextMarker(page.nextMarker()).build();
    }

    DeleteRuleResponse delete(DeleteRuleRequest request) {
        String arn = request.ruleArn();
        if (arn == null) {
            throw ElbErrors.missing("ruleArn");
        }
        boolean isDefault = state.listeners.values().stream().anyMatch(l -> arn.equals(l.defaultRuleArn));
        if (isDefault) {
            throw ElbErrors.operationNotPermitted("Default rule '" + arn + "' cannot be deleted");
        }
        if (state.rules.remove(arn) == null) {
            throw ElbErrors.ruleNotFound();
        }
        world.dependencies.release(arn);
        return DeleteRuleResponse.builder().build();
    }

    private Rule byArn(String arn) {
        ElbState.Rule rule = state.rules.get(arn);
        if (rule != null && world.faults().visible(arn)) {
            return ElbModel.rule(rule);
        }
        for (ElbState.Listener listener : state.listeners.values()) {
            if (arn.equals(listener.defaultRuleArn)) {
                return ElbModel.defaultRule(listener);
            }
        }
        throw ElbErrors.ruleNotFound();
    }

    private static List<ElbState.Condition> conditions(List<RuleCondition> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            throw ElbErrors.missing("conditions");
        }
        List<ElbState.Condition> parsed = new ArrayList<>();
        for (RuleCondition condition : conditions) {
            String field = condition.field();
            if (field == null) {
                throw ElbErrors.missing("conditions.member.field");
            }
            List<String> values = switch (field) {
                case "path-pattern" -> condition.pathPatternConfig() != null
                        ? condition.pathPatternConfig().values() : condition.values();
                case "host-header" -> condition.hostHeaderConfig() != null
                        ? condition.hostHeaderConfig().values() : condition.values();
                default -> throw new UnsupportedOperationException("rule condition " + field + " is not modeled");
            };
            if (values == null || values.isEmpty()) {
                throw ElbErrors.validation("A condition value must be specified for the '" + field + "' field");
            }
            for (String value : values) {
                if (value.length() > 128) {
                    throw ElbErrors.validation("Condition value '" + value + "' cannot be longer than 128 characters");
                }
            }
            parsed.add(new ElbState.Condition(field, List.copyOf(values)));
        }
        return parsed;
    }
}
