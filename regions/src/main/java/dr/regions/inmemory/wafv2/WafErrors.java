package dr.regions.inmemory.wafv2;

import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.wafv2.model.ParameterExceptionField;
import software.amazon.awssdk.services.wafv2.model.WafAssociatedItemException;
import software.amazon.awssdk.services.wafv2.model.WafDuplicateItemException;
import software.amazon.awssdk.services.wafv2.model.WafInvalidParameterException;
import software.amazon.awssdk.services.wafv2.model.WafLimitsExceededException;
import software.amazon.awssdk.services.wafv2.model.WafNonexistentItemException;
import software.amazon.awssdk.services.wafv2.model.WafOptimisticLockException;

/**
 * WAFv2's modeled errors (JSON protocol; codes are the shape names, HTTP 400). Messages follow WAF's
 * ("Error reason: ..., field: ..., parameter: ..." for invalid parameters).
 */
final class WafErrors {
    private WafErrors() {
    }

    static AwsServiceException invalidParameter(ParameterExceptionField field, String parameter, String reason) {
        var builder = WafInvalidParameterException.builder().field(field).parameter(parameter).reason(reason);
        return Service.WAFV2.error(builder, 400, "WAFInvalidParameterException",
                "Error reason: " + reason + ", field: " + field + ", parameter: " + parameter);
    }

    static AwsServiceException invalidScope(String scope) {
        return invalidParameter(ParameterExceptionField.SCOPE_VALUE, scope, "The scope is not valid.");
    }

    static AwsServiceException duplicate() {
        return Service.WAFV2.error(WafDuplicateItemException.builder(), 400, "WAFDuplicateItemException",
                "AWS WAF couldn't perform the operation because some resource in your request is a duplicate of an"
                        + " existing one.");
    }

    static AwsServiceException nonexistent() {
        return Service.WAFV2.error(WafNonexistentItemException.builder(), 400, "WAFNonexistentItemException",
                "AWS WAF couldn't perform the operation because your resource doesn't exist.");
    }

    static AwsServiceException optimisticLock() {
        return Service.WAFV2.error(WafOptimisticLockException.builder(), 400, "WAFOptimisticLockException",
                "AWS WAF couldn't save your changes because someone changed the resource after you started to edit"
                        + " it. Reapply your changes.");
    }

    static AwsServiceException associated() {
        return Service.WAFV2.error(WafAssociatedItemException.builder(), 400, "WAFAssociatedItemException",
                "AWS WAF couldn't perform the operation because your resource is being used by another resource or"
                        + " it's associated with another resource.");
    }

    static AwsServiceException limitsExceeded(String what) {
        return Service.WAFV2.error(WafLimitsExceededException.builder(), 400, "WAFLimitsExceededException",
                "AWS WAF couldn't perform the operation because you exceeded your resource limit: " + what);
    }
}
