package dr.regions.inmemory.route53;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.InterceptorContext;
import software.amazon.awssdk.services.route53.internal.Route53IdInterceptor;

/**
 * What dr sees of a Route 53 answer. On the wire AWS gives zone ids as {@code /hostedzone/Z...} and change ids as
 * {@code /change/C...} in every response; the SDK v2 client then strips those prefixes, but only from the responses
 * its {@code Route53IdInterceptor} knows (ChangeResourceRecordSets, Create/Get/Delete/ListHostedZones, GetChange,
 * ListResourceRecordSets, Create/Get/ListHealthChecks, delegation sets, key-signing keys, DNSSEC). Others keep the
 * prefix, notably ListHostedZonesByName (aws/aws-sdk-java PR 1555 stripped it there and was reverted).
 *
 * <p>The fake answers in the wire form and runs the very interceptor the real client registers
 * (DefaultRoute53BaseClientBuilder), so each operation's id shape follows the SDK version dr ships with.
 */
final class SdkIdShapes {
    private static final Route53IdInterceptor INTERCEPTOR = new Route53IdInterceptor();

    private SdkIdShapes() {
    }

    @SuppressWarnings("unchecked")
    static <T extends SdkResponse> T asClientReturns(SdkRequest request, T wire) {
        InterceptorContext context = InterceptorContext.builder().request(request).response(wire).build();
        return (T) INTERCEPTOR.modifyResponse(context, new ExecutionAttributes());
    }
}
