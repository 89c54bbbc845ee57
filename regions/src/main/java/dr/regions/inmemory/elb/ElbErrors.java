package dr.regions.inmemory.elb;

import dr.regions.inmemory.world.ValidationMessage;
import dr.regions.inmemory.world.Service;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CertificateNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateListenerException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTagKeysException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSecurityGroupException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSubnetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidTargetException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.PriorityInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAssociationLimitException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTagsException;

/**
 * The ELBv2 errors the fake raises, as the SDK would: the modeled exception class with AWS's error code. Codes
 * and statuses are the ones the SDK's own unmarshaller maps (all 400); messages follow AWS's wording where known.
 */
final class ElbErrors {
    private ElbErrors() {
    }

    static AwsServiceException validation(String message) {
        return Service.ELB.badRequest("ValidationError", message);
    }

    /** What AWS answers when a required member is absent. */
    static AwsServiceException missing(String member) {
        return validation(ValidationMessage.missing(member));
    }

    static AwsServiceException loadBalancerNotFound(String message) {
        return Service.ELB.error(LoadBalancerNotFoundException.builder(), 400, "LoadBalancerNotFound", message);
    }

    static AwsServiceException duplicateLoadBalancerName(String name) {
        return Service.ELB.error(DuplicateLoadBalancerNameException.builder(), 400, "DuplicateLoadBalancerName",
                "A load balancer with the same name '" + name + "' exists, but with different settings");
    }

    static AwsServiceException targetGroupNotFound(String message) {
        return Service.ELB.error(TargetGroupNotFoundException.builder(), 400, "TargetGroupNotFound", message);
    }

    static AwsServiceException duplicateTargetGroupName(String name) {
        return Service.ELB.error(DuplicateTargetGroupNameException.builder(), 400, "DuplicateTargetGroupName",
                "A target group with the same name '" + name + "' exists, but with different settings");
    }

    static AwsServiceException targetGroupAssociationLimit(String targetGroupArn) {
        return Service.ELB.error(TargetGroupAssociationLimitException.builder(), 400, "TargetGroupAssociationLimit",
                "The following target groups cannot be associated with more than one load balancer: "
                        + targetGroupArn);
    }

    static AwsServiceException resourceInUse(String message) {
        return Service.ELB.error(ResourceInUseException.builder(), 400, "ResourceInUse", message);
    }

    static AwsServiceException listenerNotFound() {
        return Service.ELB.error(ListenerNotFoundException.builder(), 400, "ListenerNotFound",
                "One or more listeners not found");
    }

    static AwsServiceException duplicateListener() {
        return Service.ELB.error(DuplicateListenerException.builder(), 400, "DuplicateListener",
                "A listener already exists on this port for this load balancer");
    }

    static AwsServiceException certificateNotFound(String certificateArn) {
        return Service.ELB.error(CertificateNotFoundException.builder(), 400, "CertificateNotFound",
                "Certificate '" + certificateArn + "' not found");
    }

    static AwsServiceException ruleNotFound() {
        return Service.ELB.error(RuleNotFoundException.builder(), 400, "RuleNotFound", "One or more rules not found");
    }

    static AwsServiceException priorityInUse(int priority) {
        return Service.ELB.error(PriorityInUseException.builder(), 400, "PriorityInUse",
                "Priority '" + priority + "' is currently in use");
    }

    static AwsServiceException operationNotPermitted(String message) {
        return Service.ELB.error(OperationNotPermittedException.builder(), 400, "OperationNotPermitted", message);
    }

    static AwsServiceException invalidConfiguration(String message) {
        return Service.ELB.error(InvalidConfigurationRequestException.builder(), 400, "InvalidConfigurationRequest",
                message);
    }

    static AwsServiceException subnetNotFound(String subnetId) {
        return Service.ELB.error(SubnetNotFoundException.builder(), 400, "SubnetNotFound",
                "The subnet ID '" + subnetId + "' is not valid");
    }

    static AwsServiceException invalidSubnet(String message) {
        return Service.ELB.error(InvalidSubnetException.builder(), 400, "InvalidSubnet", message);
    }

    static AwsServiceException invalidSecurityGroup(String message) {
        return Service.ELB.error(InvalidSecurityGroupException.builder(), 400, "InvalidSecurityGroup", message);
    }

    static AwsServiceException invalidTarget(String message) {
        return Service.ELB.error(InvalidTargetException.builder(), 400, "InvalidTarget", message);
    }

    static AwsServiceException duplicateTagKeys(String key) {
        return Service.ELB.error(DuplicateTagKeysException.builder(), 400, "DuplicateTagKeys",
                "Tag key '" + key + "' is duplicated");
    }

    static AwsServiceException tooManyTags() {
        return Service.ELB.error(TooManyTagsException.builder(), 400, "TooManyTags",
                "The quota for the number of tags that can be assigned to a load balancer has been reached");
    }
}
