package dr.regions.aws;

import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/** Names the service and operation on every exception a real SDK client throws ({@link AwsCall}). */
final class FailedCallInterceptor implements ExecutionInterceptor {

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        return AwsCall.mark(context.exception(), attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                region == null || region.isGlobalRegion() ? null : region.id());
    }
}
