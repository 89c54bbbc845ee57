package dr.runbooks.actions.cycle;

import dr.core.DrException;
import dr.core.config.StackTarget;
import dr.regions.provision.Provisioning;
import dr.core.model.RegionRole;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import dr.regions.cdn.Distributions;
import dr.regions.database.DatabaseLayout;
import dr.regions.promotion.PromotionTarget;
import dr.regions.readiness.StackDomain;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;

import java.util.List;
import java.util.Optional;

/**
 * What reprotect and failback work on: the stack with both regions (both are called, so both must be given, as for
 * provision), every setting not given taken from those recorded on the stack as provision does (so that running
 * provision's plan changes nothing the operator chose when building it), and its domain (recorded, given, or for a
 * stack built before settings were recorded the one its CloudFront distribution serves), made once per run and kept
 * in its attributes.
 */
public final class CycleScope {
    static final String ATTRIBUTE = "cycle.spec";

    private CycleScope() {
    }

    public static StackSpec spec(ActionContext context) {
        return context.attribute(ATTRIBUTE, StackSpec.class).orElseGet(() -> {
            StackTarget target = operations(context).target();
            given(target, context.runbook());
            StackSpec spec = withDomain(Provisioning.of(target, clients(context), context.clock()).spec(),
                    clients(context));
            context.putAttribute(ATTRIBUTE, spec);
            return spec;
        });
    }

    /** The stack as given; both regions required. */
    public static StackSpec given(StackTarget target, String command) {
        if (!target.regionsKnown()) {
            throw DrException.badInput(command + " calls both regions: pass --primary REGION and --dr REGION (or set "
                    + "'primary:' and 'dr:' in the config)");
        }
        return target.spec();
    }

    private static StackSpec withDomain(StackSpec spec, AwsClients clients) {
        if (spec.hasDomain()) {
            return spec;
        }
        List<String> aliases = Distributions.ofStack(clients.cloudFront(), spec.stack()).map(Distributions::aliases)
                .orElse(List.of());
        return StackDomain.of(spec, aliases).map(spec::withDomain).orElse(spec);
    }

    public static AwsClients clients(ActionContext context) {
        return operations(context).clients();
    }

    public static DatabaseLayout layout(ActionContext context) {
        return DatabaseLayout.read(spec(context), clients(context));
    }

    /** The promotion classes pointed at the region of {@code role} (their "DR region" is the one they work in). */
    public static PromotionTarget in(ActionContext context, RegionRole role) {
        StackSpec spec = spec(context);
        return new PromotionTarget(clients(context), spec, spec.region(role),
                Optional.of(spec.region(DatabaseLayout.other(role))));
    }

    public static Operations operations(ActionContext context) {
        return context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
    }
}
