package dr.regions.inmemory.rds;

import dr.core.model.Tags;
import dr.regions.inmemory.world.ElbState;
import dr.regions.inmemory.world.RdsState.DbInstance;
import dr.regions.inmemory.world.RegionState;
import dr.regions.inmemory.world.World;

import java.util.Comparator;
import java.util.List;

/**
 * Whether the sandbox's application has stopped writing to a database. Its writes come only through the stack's app
 * load balancer in the database's region (the app instances behind it are the database's only clients), so they stop
 * when every listener of that load balancer answers every request with a fixed response before any rule forwards: a
 * write freeze such as failback's maintenance rule. With no writes, a replica that has applied everything reports a
 * lag of 0; while writes flow it trails by the time it takes to apply them.
 */
final class ApplicationWrites {
    static final String APP_LOAD_BALANCER_ROLE = "alb-app";
    private static final String ALL_PATHS = "/*";

    private ApplicationWrites() {
    }

    static boolean stopped(World world, String region, DbInstance writer) {
        String stack = writer == null ? null : writer.tags.get(Tags.STACK);
        RegionState state = world.regions.get(region);
        if (stack == null || state == null) {
            return false;
        }
        List<ElbState.LoadBalancer> app = state.elb.loadBalancers.values().stream()
                .filter(lb -> stack.equals(lb.tags.get(Tags.STACK))
                        && APP_LOAD_BALANCER_ROLE.equals(lb.tags.get(Tags.ROLE)))
                .toList();
        return !app.isEmpty() && app.stream().allMatch(lb -> everyListenerAnswersItself(state.elb, lb));
    }

    private static boolean everyListenerAnswersItself(ElbState elb, ElbState.LoadBalancer lb) {
        List<ElbState.Listener> listeners = elb.listeners.values().stream()
                .filter(l -> lb.arn.equals(l.loadBalancerArn)).toList();
        return !listeners.isEmpty() && listeners.stream().allMatch(l -> answersBeforeForwarding(elb, l));
    }

    /** In priority order, a fixed response for every path comes before any rule that forwards. */
    private static boolean answersBeforeForwarding(ElbState elb, ElbState.Listener listener) {
        List<ElbState.Rule> rules = elb.rules.values().stream()
                .filter(r -> listener.arn.equals(r.listenerArn))
                .sorted(Comparator.comparingInt(r -> r.priority)).toList();
        for (ElbState.Rule rule : rules) {
            boolean fixed = rule.actions.stream().allMatch(a -> "fixed-response".equals(a.type));
            if (!fixed) {
                return false;
            }
            if (rule.conditions.stream().anyMatch(c -> "path-pattern".equals(c.field())
                    && c.values().contains(ALL_PATHS))) {
                return true;
            }
        }
        return false;
    }
}
