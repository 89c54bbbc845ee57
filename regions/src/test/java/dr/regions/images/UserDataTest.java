package dr.regions.images;

import dr.core.model.StackSpec;
import dr.regions.topology.Tier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The boot script starts the very unit the bake script installed: one class holds both, tied by {@code service}. */
class UserDataTest {

    private static final String REGION = "us-west-2";
    private static final String APP_LB = "dr-alb-app-123456789.us-west-2.elb.amazonaws.com";
    private static final String DB_NAME = "db.dr.internal";

    private static String boot(Tier tier) {
        return UserData.boot(tier, REGION, tier == Tier.WEB ? APP_LB : DB_NAME);
    }

    @Test
    void eachTiersBootScriptRestartsTheServiceItsBakeScriptEnables() {
        StackSpec spec = StackSpec.defaults("us-east-1", "us-west-2");
        for (Tier tier : Tier.values()) {
            String service = UserData.service(tier);
            assertThat(UserData.forTier(tier, spec)).endsWith("systemctl enable --now " + service + "\n");
            assertThat(boot(tier)).startsWith("#!/bin/bash\n")
                    .endsWith("systemctl enable " + service + "\nsystemctl restart " + service + "\n");
        }
        assertThat(UserData.service(Tier.WEB)).isEqualTo("httpd");
        assertThat(UserData.service(Tier.APP)).isEqualTo("dr-app");
    }

    @Test
    void theBootScriptNeedsNothingFromTheInternet() {
        for (Tier tier : Tier.values()) {
            assertThat(boot(tier)).doesNotContain("dnf", "curl", "https://");
        }
        assertThat(boot(Tier.WEB).split("http://")).as("its one URL is the region's app load balancer").hasSize(2);
    }

    @Test
    void theWebTierPassesTheServedPathToItsRegionsAppLoadBalancer() {
        assertThat(boot(Tier.WEB)).contains("ProxyPass \"/_dr/served\" \"http://" + APP_LB + "/_dr/served\"");
    }

    @Test
    void theAppTierGetsItsRegionAndDatabaseNameAndItsServiceReadsThem() {
        assertThat(boot(Tier.APP)).contains("cat > /etc/dr-app.env <<'ENV'\nDR_REGION=us-west-2\nDR_DB_NAME="
                + DB_NAME + "\nENV\n");
        assertThat(UserData.app("/health")).contains("EnvironmentFile=-/etc/dr-app.env",
                "const servedPath = '/_dr/served';", "dnf install -y nodejs mariadb105",
                "'generate-db-auth-token'", "{MYSQL_PWD: token}", "'--ssl'",
                "SELECT @@global.read_only");
    }

    @Test
    void theDatabaseTokenNeverReachesACommandLine() {
        String script = UserData.app("/health");
        String mysqlCall = script.substring(script.indexOf("run('mysql'"), script.indexOf("{MYSQL_PWD: token}"));
        assertThat(mysqlCall).doesNotContain("token").doesNotContain("--password");
    }

    @Test
    void aNameThatIsNotAHostNameIsRefusedRatherThanWrittenIntoAScript() {
        assertThatThrownBy(() -> UserData.boot(Tier.WEB, REGION, "x\"; reboot; \""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserData.boot(Tier.APP, REGION, "db.x\nDR_REGION=evil"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLaunchTemplateFormIsTheBootScriptInBase64() {
        for (Tier tier : Tier.values()) {
            String next = tier == Tier.WEB ? APP_LB : DB_NAME;
            assertThat(new String(Base64.getDecoder().decode(UserData.bootBase64(tier, REGION, next)),
                    StandardCharsets.UTF_8)).isEqualTo(boot(tier));
        }
    }
}
