package dr.core.config;

import dr.core.DrException;
import dr.core.ExitCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigLoaderTest {
    @TempDir
    Path dir;

    private final StackConfigLoader loader = new StackConfigLoader();

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("dr.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private DrException loadFails(Path file) {
        return (DrException) assertThatThrownBy(() -> loader.load(file, "dr.yaml"))
                .isInstanceOf(DrException.class)
                .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .actual();
    }

    @Nested
    class AWellFormedFile {
        @Test
        void readsEveryKeyWithItsTypeAndLine() throws IOException {
            Path file = write("""
                    # the shop stack
                    stack: shop
                    primary: us-east-1
                    dr: us-west-2
                    domain: example.com
                    admin-cidr: 203.0.113.10/32
                    allow-open-ssh: false
                    primary-cidr: 10.30.0.0/16
                    dr-cidr: 10.40.0.0/16
                    nat-per-az: true
                    web-instance-type: t3.small
                    app-instance-type: t3.medium
                    web-image: ami-0123456789abcdef0
                    app-image: ami-1a2b3c4d
                    db-instance-class: db.r6g.large
                    db-storage-gib: 100
                    min: 2
                    desired: 3
                    max: 6
                    dr-capacity: 1
                    health-check-path: /healthz
                    health-check-interval: 30
                    health-check-threshold: 3
                    max-lag: 45
                    """);

            StackConfig config = loader.load(file, "dr.yaml");
            assertThat(config.number(ConfigKey.MAX_LAG)).contains(45);

            assertThat(config.settings()).hasSize(ConfigKey.values().length);
            assertThat(config.text(ConfigKey.STACK)).contains("shop");
            assertThat(config.text(ConfigKey.ADMIN_CIDR)).contains("203.0.113.10/32");
            assertThat(config.flag(ConfigKey.NAT_PER_AZ)).contains(true);
            assertThat(config.flag(ConfigKey.ALLOW_OPEN_SSH)).contains(false);
            assertThat(config.number(ConfigKey.DB_STORAGE_GIB)).contains(100);
            assertThat(config.text(ConfigKey.WEB_IMAGE)).contains("ami-0123456789abcdef0");
            assertThat(config.text(ConfigKey.APP_IMAGE)).contains("ami-1a2b3c4d");
            assertThat(config.number(ConfigKey.HEALTH_CHECK_INTERVAL)).contains(30);
            assertThat(config.origin(ConfigKey.STACK)).isEqualTo("dr.yaml line 2 (stack)");
            assertThat(config.origin(ConfigKey.HEALTH_CHECK_THRESHOLD)).isEqualTo("dr.yaml line 23 (health-check-threshold)");
        }

        @Test
        void anEmptyFileOrAnEmptyValueMeansNothingIsGiven() throws IOException {
            assertThat(loader.load(write("# nothing yet\n")).settings()).isEmpty();
            assertThat(loader.load(write("domain:\nprimary: ~\n")).settings()).isEmpty();
        }

        @Test
        void theCommandLineWinsOverTheFile() throws IOException {
            StackConfig file = loader.load(write("primary: us-east-1\ndr: us-west-2\n"), "dr.yaml");
            StackConfig options = StackConfig.builder().option(ConfigKey.DR, "eu-west-1").build();

            StackConfig merged = file.overriddenBy(options);

            assertThat(merged.text(ConfigKey.PRIMARY)).contains("us-east-1");
            assertThat(merged.text(ConfigKey.DR)).contains("eu-west-1");
            assertThat(merged.origin(ConfigKey.DR)).isEqualTo("--dr");
            assertThat(merged.origin(ConfigKey.PRIMARY)).isEqualTo("dr.yaml line 1 (primary)");
        }
    }

    @Nested
    class ABadFile {
        @Test
        void anUnknownKeyIsNamedWithFileAndLineAndASuggestion() throws IOException {
            Path file = write("stack: shop\nprimary_region: us-east-1\n");

            assertThat(loadFails(file)).hasMessageStartingWith("dr.yaml line 2: unknown key 'primary_region'")
                    .hasMessageContaining("known keys: stack, primary, dr");
            assertThat(loadFails(write("primry: us-east-1\n"))).hasMessageContaining("did you mean 'primary'?");
        }

        @Test
        void malformedYamlReportsTheLine() throws IOException {
            Path file = write("stack: shop\nprimary: us-east-1\n  dr: [us-west-2\n");

            assertThat(loadFails(file)).hasMessage("dr.yaml line 3: malformed YAML: mapping values are not allowed here");
            assertThat(loadFails(write("stack: shop\nprimary: [us-east-1\n"))).hasMessage("dr.yaml line 3: malformed YAML: "
                    + "expected ',' or ']', but got <stream end> (while parsing a flow sequence that starts on line 2)");
            assertThat(loadFails(write("stack: shop\n\tprimary: us-east-1\n")))
                    .hasMessageStartingWith("dr.yaml line 2: malformed YAML: found character '\\t(TAB)'");
        }

        @Test
        void aWrongValueTypeIsRefusedWithItsLine() throws IOException {
            assertThat(loadFails(write("stack: shop\nmin: two\n")))
                    .hasMessage("dr.yaml line 2 (min): expected a whole number, got 'two'");
            assertThat(loadFails(write("nat-per-az: maybe\n")))
                    .hasMessage("dr.yaml line 1 (nat-per-az): expected true or false, got 'maybe'");
            assertThat(loadFails(write("primary:\n  - us-east-1\n")))
                    .hasMessage("dr.yaml line 1 (primary): expected a single value, not a list");
        }

        @Test
        void aRepeatedKeyIsRefused() throws IOException {
            assertThat(loadFails(write("primary: us-east-1\nprimary: us-east-2\n")))
                    .hasMessage("dr.yaml line 2: key 'primary' is given twice");
        }

        @Test
        void aTopLevelListIsRefused() throws IOException {
            assertThat(loadFails(write("- primary: us-east-1\n")))
                    .hasMessageStartingWith("dr.yaml line 1: expected 'key: value' lines at the top level");
        }

        @Test
        void aFileLargerThanAStackConfigIsRefusedBeforeItIsParsed() throws IOException {
            Path file = write("domain: " + "x".repeat((int) StackConfigLoader.MAX_CONFIG_BYTES) + "\n");

            assertThat(loadFails(file).getMessage())
                    .isEqualTo("config file dr.yaml is " + java.nio.file.Files.size(file)
                            + " bytes; a stack config is at most 65536 bytes of 'key: value' lines");
        }

        @Test
        void aLongWrongValueIsQuotedCutShort() throws IOException {
            Path file = write("min: " + "y".repeat(5_000) + "\n");

            assertThat(loadFails(file).getMessage()).contains("(5000 characters)").hasSizeLessThan(400);
        }

        @Test
        void aMissingFileOrADirectoryCannotBeRead() {
            assertThat(loadFails(dir.resolve("absent.yaml"))).hasMessage("config file dr.yaml cannot be read: no such file");
            assertThat(loadFails(dir)).hasMessage("config file dr.yaml cannot be read: it is a directory");
        }
    }
}
