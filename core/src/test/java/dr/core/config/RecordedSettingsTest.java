package dr.core.config;

import dr.core.DrException;
import dr.core.model.StackSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The record of a stack's settings reads back to the same stack, and fits the tag limits of EC2. */
class RecordedSettingsTest {
    private static final StackSpecResolver RESOLVER = new StackSpecResolver();

    private static StackTarget given(Object... keysAndValues) {
        StackConfig.Builder config = StackConfig.builder().option(ConfigKey.PRIMARY, "us-east-1")
                .option(ConfigKey.DR, "us-west-2");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.option((ConfigKey) keysAndValues[i], keysAndValues[i + 1]);
        }
        return RESOLVER.resolve(config.build(), true);
    }

    private static StackConfig recorded(StackSpec spec) {
        return RecordedSettings.fromTags(RecordedSettings.tags(spec), "the record").orElseThrow();
    }

    @Test
    void everyStackReadsBackFromItsRecordAsTheSameSpec() {
        List<StackTarget> stacks = List.of(
                given(),
                given(ConfigKey.DOMAIN, "example.com", ConfigKey.ADMIN_CIDR, "203.0.113.10/32",
                        ConfigKey.NAT_PER_AZ, true, ConfigKey.WEB_INSTANCE_TYPE, "t3.small",
                        ConfigKey.WEB_IMAGE, "ami-0123456789abcdef0", ConfigKey.DB_STORAGE_GIB, 50,
                        ConfigKey.HEALTH_CHECK_PATH, "/ready?deep=1", ConfigKey.HEALTH_CHECK_INTERVAL, 30),
                // the default warm standby follows the primary's maximum: recorded as "not given"
                given(ConfigKey.MAX, 8),
                // a standby given as 1 with a primary max below the default's: recorded as 1
                given(ConfigKey.MIN, 1, ConfigKey.DESIRED, 1, ConfigKey.MAX, 2, ConfigKey.DR_CAPACITY, 1),
                given(ConfigKey.DR_CAPACITY, 0),
                given(ConfigKey.ADMIN_CIDR, "0.0.0.0/0", ConfigKey.ALLOW_OPEN_SSH, true));
        for (StackTarget stack : stacks) {
            StackSpec spec = stack.spec();
            StackTarget again = given().withRecorded(recorded(spec));
            assertThat(again.spec()).as("from %s", RecordedSettings.tags(spec)).isEqualTo(spec);
        }
    }

    @Test
    void aGivenSettingWinsOverTheRecordAndOnlyItChanges() {
        StackSpec built = given(ConfigKey.DOMAIN, "example.com", ConfigKey.MAX, 6).spec();

        StackSpec rerun = given(ConfigKey.HEALTH_CHECK_THRESHOLD, 4).withRecorded(recorded(built)).spec();

        assertThat(rerun.domain()).isEqualTo("example.com");
        assertThat(rerun.primaryCapacity().max()).isEqualTo(6);
        assertThat(rerun.healthCheckFailureThreshold()).isEqualTo(4);
        assertThat(rerun.withDomain("example.com")).isEqualTo(rerun);
    }

    /** A recorded broad admin CIDR was acknowledged when built; a newly given broad one needs it again. */
    @Test
    void openSshAcknowledgedAtBuildCoversOnlyTheRecordedRange() {
        StackSpec built = given(ConfigKey.ADMIN_CIDR, "0.0.0.0/0", ConfigKey.ALLOW_OPEN_SSH, true).spec();

        assertThat(given().withRecorded(recorded(built)).spec().adminCidr()).hasToString("0.0.0.0/0");
        assertThatThrownBy(() -> given(ConfigKey.ADMIN_CIDR, "10.0.0.0/8").withRecorded(recorded(built)))
                .isInstanceOf(DrException.class).hasMessageContaining("--allow-open-ssh");
    }

    /** https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html#tag-restrictions */
    @Test
    void theRecordFitsEc2TagLimits() {
        StackSpec longest = given(ConfigKey.DOMAIN, "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63)
                        + "." + "d".repeat(53) + ".com",
                ConfigKey.HEALTH_CHECK_PATH, "/" + "p".repeat(254)).spec();

        Map<String, String> tags = RecordedSettings.tags(longest);

        assertThat(tags.size() + 5).as("with Name, dr:stack, dr:role, dr:region-role, managed-by; at most 50")
                .isLessThanOrEqualTo(50);
        assertThat(tags.keySet()).allSatisfy(key -> assertThat(key).hasSizeLessThanOrEqualTo(128)
                .doesNotStartWith("aws:"));
        assertThat(tags.values()).allSatisfy(value -> assertThat(value).hasSizeLessThanOrEqualTo(256));
    }

    @Test
    void tagsWithoutARecordAreNoRecord() {
        assertThat(RecordedSettings.fromTags(Map.of("Name", "dr-vpc", "dr:stack", "dr"), "vpc")).isEmpty();
    }
}
