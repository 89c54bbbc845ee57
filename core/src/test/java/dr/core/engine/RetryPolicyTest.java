package dr.core.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    @Test
    void withoutJitterTheWaitDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(5), false);
        Random random = new Random(1);

        assertThat(policy.delay(1, random)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(2, random)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3, random)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(4, random)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(1000, random)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fullJitterStaysBetweenZeroAndTheCappedCeilingAndSpreadsOut() {
        RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(20), true);
        Random random = new Random(42);

        for (int retry = 1; retry <= 8; retry++) {
            Duration ceiling = Duration.ofSeconds(Math.min(20, 1L << (retry - 1)));
            assertThat(policy.delay(retry, random)).isBetween(Duration.ZERO, ceiling);
        }
        assertThat(policy.delay(8, new Random(1))).isNotEqualTo(policy.delay(8, new Random(2)));
    }

    @Test
    void aLargeBaseDoesNotOverflow() {
        RetryPolicy policy = new RetryPolicy(100, Duration.ofHours(1), Duration.ofHours(2), false);

        assertThat(policy.delay(64, new Random())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theLimitCountsRetriesNotAttempts() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), false);

        assertThat(policy.allows(3)).isTrue();
        assertThat(policy.allows(4)).isFalse();
        assertThat(RetryPolicy.never().allows(1)).isFalse();
    }
}
