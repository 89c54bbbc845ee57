package dr.regions.dns;

import dr.core.engine.StepContext;
import dr.core.engine.StepKey;
import dr.core.model.StackSpec;
import dr.regions.aws.AwsClients;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;

/**
 * {@code app.<domain>}: an A alias to the CloudFront distribution. Aliases to CloudFront always name CloudFront's
 * hosted zone, {@value #CLOUDFRONT_ZONE_ID}, and cannot evaluate target health (Route 53 API reference, AliasTarget).
 */
public final class AppRecordStep extends AliasRecordStep {
    public static final String ROLE = "app-record";
    public static final StepKey KEY = StepKey.global(ROLE);
    public static final String CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

    private final StackSpec spec;
    private final StepKey distribution;

    /** {@code distribution}: the step whose outputs give the distribution's {@code domainName}. */
    public AppRecordStep(StackSpec spec, AwsClients clients, StepKey distribution) {
        super(KEY, List.of(distribution), clients, spec.domain(), spec.appRecordName(), RRType.A);
        this.spec = spec;
        this.distribution = distribution;
    }

    @Override
    protected List<ResourceRecordSet> wanted(StepContext context) {
        return List.of(alias(spec.appRecordName(), RRType.A, null, null, null,
                context.require(distribution, "domainName"), CLOUDFRONT_ZONE_ID, false));
    }
}
