package dr.regions.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.wafv2.Wafv2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Real AWS SDK v2 clients, built once per service and region on first use. Credentials come from the
 * default chain (environment, profiles, SSO, instance roles) or the named profile; the endpoint is
 * overridden only when configured. Retries: the SDK's standard mode (exponential backoff with jitter,
 * throttling-aware) plus dr's engine-level retries.
 */
public final class SdkAwsClients implements AwsClients {
    private static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Route 53, CloudFront and IAM are global; their API lives in us-east-1 (aws-global in SDK v2). */
    private static final Region GLOBAL_REGION = Region.AWS_GLOBAL;

    private final ClientSettings settings;
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
    private volatile SdkHttpClient httpClient;
    private volatile AwsCredentialsProvider credentials;

    public SdkAwsClients(ClientSettings settings) {
        this.settings = settings;
    }

    @Override
    public Ec2Client ec2(String region) {
        return client("ec2", region, () -> configure(Ec2Client.builder(), Region.of(region)).build());
    }

    @Override
    public RdsClient rds(String region) {
        return client("rds", region, () -> configure(RdsClient.builder(), Region.of(region)).build());
    }

    @Override
    public BackupClient backup(String region) {
        return client("backup", region, () -> configure(BackupClient.builder(), Region.of(region)).build());
    }

    @Override
    public AutoScalingClient autoScaling(String region) {
        return client("autoscaling", region, () -> configure(AutoScalingClient.builder(), Region.of(region)).build());
    }

    @Override
    public ElasticLoadBalancingV2Client elb(String region) {
        return client("elb", region, () -> configure(ElasticLoadBalancingV2Client.builder(), Region.of(region)).build());
    }

    @Override
    public AcmClient acm(String region) {
        return client("acm", region, () -> configure(AcmClient.builder(), Region.of(region)).build());
    }

    @Override
    public Wafv2Client wafv2(String region) {
        return client("wafv2", region, () -> configure(Wafv2Client.builder(), Region.of(region)).build());
    }

    @Override
    public CloudWatchClient cloudWatch(String region) {
        return client("cloudwatch", region, () -> configure(CloudWatchClient.builder(), Region.of(region)).build());
    }

    @Override
    public Route53Client route53() {
        return client("route53", "global", () -> configure(Route53Client.builder(), GLOBAL_REGION).build());
    }

    @Override
    public CloudFrontClient cloudFront() {
        return client("cloudfront", "global", () -> configure(CloudFrontClient.builder(), GLOBAL_REGION).build());
    }

    @Override
    public IamClient iam() {
        return client("iam", "global", () -> configure(IamClient.builder(), GLOBAL_REGION).build());
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(String service, String region, Supplier<C> factory) {
        return (C) clients.computeIfAbsent(service + "@" + region, key -> factory.get());
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, Region region) {
        builder.region(region)
                .credentialsProvider(credentials())
                .httpClient(httpClient())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .addExecutionInterceptor(new FailedCallInterceptor())
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private SdkHttpClient httpClient() {
        if (httpClient == null) {
            synchronized (this) {
                if (httpClient == null) {
                    httpClient = ApacheHttpClient.builder().build();
                }
            }
        }
        return httpClient;
    }

    private AwsCredentialsProvider credentials() {
        if (credentials == null) {
            synchronized (this) {
                if (credentials == null) {
                    credentials = settings.profile()
                            .<AwsCredentialsProvider>map(name -> ProfileCredentialsProvider.builder().profileName(name).build())
                            .orElseGet(() -> DefaultCredentialsProvider.builder().build());
                }
            }
        }
        return credentials;
    }

    @Override
    public void close() {
        List<Exception> errors = new ArrayList<>();
        for (AutoCloseable client : clients.values()) {
            try {
                client.close();
            } catch (Exception e) {
                errors.add(e);
            }
        }
        clients.clear();
        if (httpClient != null) {
            httpClient.close();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("closing AWS clients failed", errors.get(0));
        }
    }
}
