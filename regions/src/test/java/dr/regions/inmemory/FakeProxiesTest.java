package dr.regions.inmemory;

import dr.regions.inmemory.world.CallLog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AcceptReservedInstancesExchangeQuoteRequest;

import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients of the in-memory cloud are the proxies FakeProxyProcessor generates at compile time: each serves exactly
 * the operations its fake overrides, through ServiceProxy, and leaves the rest to the SDK interface's defaults.
 */
class FakeProxiesTest {
    private final InMemoryCloud cloud = new InMemoryCloud();

    private List<SdkClient> clients() {
        return List.of(cloud.ec2("us-east-1"), cloud.rds("us-east-1"), cloud.backup("us-east-1"),
                cloud.autoScaling("us-east-1"), cloud.elb("us-east-1"), cloud.acm("us-east-1"), cloud.wafv2("us-east-1"),
                cloud.route53(), cloud.cloudFront(), cloud.iam());
    }

    @Test
    void everyClientIsAGeneratedClassNotADynamicProxy() {
        for (SdkClient client : clients()) {
            assertThat(Proxy.isProxyClass(client.getClass())).as(client.serviceName()).isFalse();
            assertThat(client.getClass().getSimpleName()).matches("Fake\\w+Proxy");
        }
    }

    @Test
    void eachProxyOverridesExactlyTheOperationsItsFakeServes() throws Exception {
        ServiceFakes fakes = ServiceFakes.connect(cloud.world());
        List<SdkClient> unwrapped = List.of(fakes.ec2("us-east-1"), fakes.rds("us-east-1"), fakes.backup("us-east-1"),
                fakes.autoScaling("us-east-1"), fakes.elb("us-east-1"), fakes.acm("us-east-1"),
                fakes.wafv2("us-east-1"), fakes.route53(), fakes.cloudFront(), fakes.iam());
        List<SdkClient> proxies = clients();
        for (int i = 0; i < proxies.size(); i++) {
            Set<String> served = publicMethods(unwrapped.get(i).getClass());
            Set<String> proxied = publicMethods(proxies.get(i).getClass());
            proxied.removeAll(Set.of("serviceName()", "close()", "toString()"));

            assertThat(served).as(unwrapped.get(i).getClass().getSimpleName()).isNotEmpty();
            assertThat(proxied).as(proxies.get(i).getClass().getSimpleName()).isEqualTo(served);
        }
    }

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                .map(m -> m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getName)
                        .collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.toSet());
    }

    @Test
    void consumerOverloadsAndPaginatorsCallTheOperationThroughTheCallLog() {
        Ec2Client ec2 = cloud.ec2("us-east-1");

        ec2.describeVpcs(request -> request.maxResults(5));
        ec2.describeVpcsPaginator().stream().forEach(page -> { });

        assertThat(cloud.world().calls().all()).extracting(CallLog.Call::operation)
                .containsExactly("DescribeVpcs", "DescribeVpcs");
    }

    @Test
    void anOperationNoFakeServesThrowsTheSdkDefaultsErrorWithoutReachingTheCloud() {
        Ec2Client ec2 = cloud.ec2("us-east-1");

        assertThatThrownBy(() -> ec2.acceptReservedInstancesExchangeQuote(
                AcceptReservedInstancesExchangeQuoteRequest.builder().build()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(cloud.world().calls().total()).as("not logged as a call to AWS").isZero();
    }

    @Test
    void theClientAnswersItsServiceNameAndCloses() {
        SdkClient client = cloud.route53();

        assertThat(client.serviceName()).isEqualTo("route53");
        client.close();
        assertThat(cloud.world().calls().total()).isZero();
    }
}
