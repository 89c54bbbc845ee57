package dr.regions.images;

import dr.core.model.StackSpec;
import dr.regions.topology.Tier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The boot script starts the very unit the bake script installed: one class holds both, tied by {@code service}. */
class UserDataTest {

    @Test
    void eachTiersBootScriptStartsTheServiceItsBakeScriptEnables() {
        StackSpec spec = StackSpec.defaults("us-east-1", "us-west-2");
        for (Tier tier : Tier.values()) {
            String start = "systemctl enable --now " + UserData.service(tier) + "\n";
            assertThat(UserData.forTier(tier, spec)).endsWith(start);
            assertThat(UserData.boot(tier)).startsWith("#!/bin/bash\n").endsWith(start);
        }
        assertThat(UserData.service(Tier.WEB)).isEqualTo("httpd");
        assertThat(UserData.service(Tier.APP)).isEqualTo("dr-app");
    }

    @Test
    void theBootScriptNeedsNothingFromTheInternet() {
        for (Tier tier : Tier.values()) {
            assertThat(UserData.boot(tier)).doesNotContain("dnf", "curl", "http://", "https://");
        }
    }

    @Test
    void theLaunchTemplateFormIsTheBootScriptInBase64() {
        for (Tier tier : Tier.values()) {
            assertThat(new String(Base64.getDecoder().decode(UserData.bootBase64(tier)), StandardCharsets.UTF_8))
                    .isEqualTo(UserData.boot(tier));
        }
    }
}
