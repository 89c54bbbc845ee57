package dr.regions.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackImageTest {

    @Test
    void thePinnedImageStartsWithoutAnAccount() {
        assertThat(LocalStackImage.requiresAuthToken(LocalStackImage.IMAGE)).isFalse();
        assertThat(LocalStackImage.services(LocalStackImage.IMAGE)).containsExactlyInAnyOrder("ec2", "route53", "acm");
    }

    @Test
    void releasesFrom4Point15AndCalendarVersionsNeedAToken() {
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack:4.14")).isFalse();
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack:3.8.1")).isFalse();
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack:4.15.0")).isTrue();
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack:2026.03.0")).isTrue();
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack:5.0")).isTrue();
    }

    @Test
    void floatingTagsAndTheProImageNeedAToken() {
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack")).isTrue();
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack:latest")).isTrue();
        assertThat(LocalStackImage.requiresAuthToken("localstack/localstack-pro:4.4.0")).isTrue();
    }

    @Test
    void anImageWithAnAccountServesAllNineServices() {
        assertThat(LocalStackImage.services("localstack/localstack-pro:4.4.0")).hasSize(9).contains("rds");
    }
}
