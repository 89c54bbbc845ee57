package dr.regions.loadbalancing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElbNamesTest {

    @Test
    void aNameThatFitsIsStackDashRole() {
        assertThat(ElbNames.of("dr", "alb-web")).isEqualTo("dr-alb-web");
    }

    @Test
    void theLongestStackNameStillFitsElbsThirtyTwoCharacters() {
        String longest = "a".repeat(31);
        String name = ElbNames.of(longest, "alb-web");
        assertThat(name).hasSizeLessThanOrEqualTo(32).endsWith("-alb-web").matches("[a-z0-9][a-z0-9-]*[a-z0-9]");
        assertThat(ElbNames.of(longest, "alb-web")).as("stable across runs").isEqualTo(name);
    }

    @Test
    void longStackNamesSharingAPrefixGetDifferentNames() {
        String one = "payments-production-east-one";
        String two = "payments-production-east-two";
        assertThat(ElbNames.of(one, "tg-app")).hasSizeLessThanOrEqualTo(32)
                .isNotEqualTo(ElbNames.of(two, "tg-app"));
    }

    @Test
    void aLoadBalancerNameNeverStartsWithInternal() {
        assertThat(ElbNames.of("internal", "alb-app")).doesNotStartWith("internal-").endsWith("-alb-app");
    }
}
