package dr.runbooks.actions.promote;

import dr.core.DrException;
import dr.core.config.StackTarget;
import dr.regions.promotion.PromotionTarget;
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
}
