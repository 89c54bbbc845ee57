package dr.regions.inmemory.route53;

import dr.regions.images.UserData;
import dr.regions.inmemory.world.Wildcards;
import dr.regions.inmemory.route53.LoadBalancerDirectory.Found;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an ALB listener answers to a GET: the first rule (by priority) whose conditions all match, else the
 * default actions; a fixed response answers itself, a forward answers 503 when no target group has a healthy
 * target (ALB troubleshooting guide, "HTTP 503: Service unavailable": the target group has no registered or
 * healthy targets), else a healthy instance answers: at {@link UserData#SERVED_PATH} what dr's application does
 * ({@link InstanceApplication}), on any other path 200.
 */
final class ListenerRouting {
    /** An HTTP answer: status and body. */
    record Answer(int status, String body) {
    }

    private final LoadBalancerDirectory directory;
    private final InstanceApplication application;

    ListenerRouting(LoadBalancerDirectory directory, InstanceApplication application) {
        this.directory = directory;
        this.application = application;
    }

    Answer get(Found lb, Listener listener, String host, String path) {
        List<Rule> rules = new ArrayList<>(directory.rules(lb, listener));
        rules.sort(Comparator.comparingInt(ListenerRouting::priority));
        for (Rule rule : rules) {
            if (Boolean.TRUE.equals(rule.isDefault())) {
                continue;
            }
            if (rule.hasConditions() && rule.conditions().stream().allMatch(c -> matches(c, host, path))) {
                return perform(lb, rule.actions(), path);
            }
        }
        return perform(lb, listener.defaultActions(), path);
    }

    /** Target groups the listener can forward to, for Route 53's evaluate-target-health. */
    List<String> targetGroups(Found lb, Listener listener) {
        List<String> groups = new ArrayList<>(forwardTargets(listener.defaultActions()));
        for (Rule rule : directory.rules(lb, listener)) {
            groups.addAll(forwardTargets(rule.actions()));
        }
        return groups;
    }

    boolean hasHealthyTarget(Found lb, String targetGroupArn) {
        return !healthyTargets(lb, targetGroupArn).isEmpty();
    }

    private List<String> healthyTargets(Found lb, String targetGroupArn) {
        return directory.targetHealth(lb, targetGroupArn).stream()
                .filter(t -> t.targetHealth() != null && "healthy".equals(t.targetHealth().stateAsString()))
                .map(t -> t.target().id()).toList();
    }

    private Answer perform(Found lb, List<Action> actions, String path) {
        List<Action> ordered = new ArrayList<>(actions);
        ordered.sort(Comparator.comparingInt(a -> a.order() == null ? Integer.MAX_VALUE : a.order()));
        for (Action action : ordered) {
            switch (action.typeAsString()) {
                case "fixed-response" -> {
                    var config = action.fixedResponseConfig();
                    return new Answer(Integer.parseInt(config.statusCode()),
                            config.messageBody() == null ? "" : config.messageBody());
                }
                case "forward" -> {
                    List<String> healthy = forwardTargets(List.of(action)).stream()
                            .flatMap(tg -> healthyTargets(lb, tg).stream()).toList();
                    if (healthy.isEmpty()) {
                        return new Answer(503, "503 Service Temporarily Unavailable");
                    }
                    return UserData.SERVED_PATH.equals(pathOnly(path)) ? application.served(lb, healthy)
                            : new Answer(200, "200 OK from " + lb.region());
                }
                case "redirect" -> {
                    return new Answer("HTTP_302".equals(action.redirectConfig().statusCodeAsString()) ? 302 : 301,
                            "");
                }
                default -> {
                    // authenticate-* actions come before a terminal action: keep going
                }
            }
        }
        return new Answer(503, "503 Service Temporarily Unavailable");
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static List<String> forwardTargets(List<Action> actions) {
        List<String> groups = new ArrayList<>();
        for (Action action : actions) {
            if (!"forward".equals(action.typeAsString())) {
                continue;
            }
            if (action.targetGroupArn() != null) {
                groups.add(action.targetGroupArn());
            }
            if (action.forwardConfig() != null) {
                action.forwardConfig().targetGroups().stream().map(TargetGroupTuple::targetGroupArn)
                        .forEach(groups::add);
            }
        }
        return groups.stream().distinct().toList();
    }

    private static int priority(Rule rule) {
        try {
            return Integer.parseInt(rule.priority());
        } catch (NumberFormatException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static boolean matches(RuleCondition condition, String host, String path) {
        switch (condition.field()) {
            case "path-pattern" -> {
                List<String> values = condition.pathPatternConfig() != null
                        ? condition.pathPatternConfig().values() : condition.values();
                // ALB patterns: paths are case-sensitive, hosts are not
                return values.stream().anyMatch(p -> Wildcards.compile(p, 0).matcher(path).matches());
            }
            case "host-header" -> {
                List<String> values = condition.hostHeaderConfig() != null
                        ? condition.hostHeaderConfig().values() : condition.values();
                return values.stream()
                        .anyMatch(p -> Wildcards.compile(p, Pattern.CASE_INSENSITIVE).matcher(host).matches());
            }
            case "http-request-method" -> {
                return condition.httpRequestMethodConfig().values().contains("GET");
            }
            default -> {
                // header, query-string and source-ip conditions: a health checker or CloudFront does not send them
                return false;
            }
        }
    }
}
