package dr.regions.cleanup;

import dr.core.engine.StepContext;
import dr.core.engine.StepResult;
import dr.regions.discovery.Attributes;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Scope;

import java.time.Duration;
import java.util.Set;

/**
 * The CLOUDFRONT-scope web ACL, through the us-east-1 WAFv2 endpoint: after the distribution that used it is gone
 * (WAF refuses to delete an ACL still associated). Each delete carries the lock token GetWebACL just returned; a
 * token gone stale meanwhile just means read again on the next poll.
 */
final class WebAclDeletion extends DeletionStep {
    WebAclDeletion(DeletionTarget target) {
        super(target, Duration.ZERO);
    }

    @Override
    protected StepResult advance(StepContext context) {
        Wafv2Client waf = target().clients().wafv2(target().attribute(Attributes.API_REGION));
        String name = target().attribute(Attributes.NAME);
        Scope scope = Scope.fromValue(target().attribute(Attributes.SCOPE));
        String lockToken = waf.getWebACL(r -> r.id(target().id()).name(name).scope(scope)).lockToken();
        waf.deleteWebACL(r -> r.id(target().id()).name(name).scope(scope).lockToken(lockToken));
        return gone();
    }

    @Override
    protected Set<String> waitsOn() {
        return Set.of("WAFAssociatedItemException", "WAFOptimisticLockException", "WAFUnavailableEntityException");
    }
}
