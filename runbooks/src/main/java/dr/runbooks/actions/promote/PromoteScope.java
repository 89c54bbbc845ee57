package dr.runbooks.actions.promote;

import dr.core.DrException;
import dr.core.config.StackTarget;
import dr.regions.drill.EdgeProbe;
import dr.regions.promotion.PromotionTarget;
import dr.regions.promotion.ServingCheck;
import dr.runbooks.Operations;
import dr.runbooks.step.ActionContext;

/**
 * The DR side promotion works on. The DR region must be given (option or config): promotion never searches the
 * regions for the stack, since that would call the primary region, which it must not touch.
 */
final class PromoteScope {
    private PromoteScope() {
    }

    static PromotionTarget target(ActionContext context) {
        Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
        StackTarget target = operations.target();
        String dr = target.drRegion().orElseThrow(() -> DrException.badInput("promote-replica works in the DR region"
                + " only and never searches the regions for the stack (that would call the primary region): pass "
                + "--dr REGION or set 'dr:' in the config"));
        return new PromotionTarget(operations.clients(), target.settings(), dr, target.primaryRegion());
    }

    /** The command that finishes what a run left pending: promote-replica again, on the same stack and DR region. */
    static String finishCommand(ActionContext context) {
        Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
        PromotionTarget target = target(context);
        return "dr promote-replica --stack " + target.stack() + " --dr " + target.drRegion()
                + (operations.sandbox() ? " --sandbox" : "") + " --yes";
    }

    /** The data-plane view of which region serves users: DNS answers and CloudFront, never their APIs. */
    static ServingCheck servingCheck(ActionContext context, PromotionTarget target) {
        Operations operations = context.requireAttribute(Operations.ATTRIBUTE, Operations.class);
        EdgeProbe edge = context.attribute(PromoteActions.EDGE_PROBE_ATTRIBUTE, EdgeProbe.class)
                .orElseGet(() -> operations.dataPlane().edge());
        return new ServingCheck(target, operations.dataPlane().dns(), edge);
    }
}
