package dr.cli.runtime;

import dr.core.DrException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Before a command calls AWS: is there any source the SDK's default credentials chain could use? Only cheap local
 * checks (variables, properties, files); no network. It cannot prove the credentials work, only catch the common
 * "nothing configured at all" early, with a message that says what to do.
 */
public final class CredentialsCheck {
    static final String NONE_FOUND = "no AWS credentials found: pass --profile NAME (a profile in ~/.aws/config), "
            + "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE); for an emulator add "
            + "--endpoint-url URL (or AWS_ENDPOINT_URL) with any test keys; to try dr without an account, add --sandbox";

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(?:profile\\s+)?([^\\]\\s]+)\\s*]");

    private final Environment environment;

    public CredentialsCheck(Environment environment) {
        this.environment = environment;
    }

    /** Fails with bad input when no credentials source exists, or when the named profile is defined nowhere. */
    public void require(Connection connection) {
        Optional<String> profile = connection.profile();
        String profileSource = "--profile";
        if (profile.isEmpty()) {
            profile = environment.variable("AWS_PROFILE");
            profileSource = "AWS_PROFILE";
        }
        if (profile.isPresent()) {
            if (!profileDefined(profile.get())) {
                throw DrException.badInput(profileSource + " " + profile.get() + ": no such profile in "
                        + configFile() + " or " + credentialsFile() + " (create it with 'aws configure --profile "
                        + profile.get() + "' or 'aws configure sso')");
            }
            return;
        }
        if (!anySource()) {
            throw DrException.badInput(NONE_FOUND);
        }
    }

    private boolean anySource() {
        return both("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
                || (environment.property("aws.accessKeyId").isPresent()
                    && environment.property("aws.secretAccessKey").isPresent())
                || environment.variable("AWS_WEB_IDENTITY_TOKEN_FILE").isPresent()
                || environment.variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
                || environment.variable("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()
                || Files.isRegularFile(credentialsFile())
                || Files.isRegularFile(configFile())
                || environment.onEc2Instance();
    }

    private boolean both(String first, String second) {
        return environment.variable(first).isPresent() && environment.variable(second).isPresent();
    }

    private boolean profileDefined(String name) {
        for (Path file : List.of(configFile(), credentialsFile())) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file)) {
                    Matcher section = SECTION.matcher(line);
                    if (section.find() && section.group(1).equals(name)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // an unreadable file is the SDK's to report; it does not define the profile for us
            }
        }
        return false;
    }

    private Path credentialsFile() {
        return environment.variable("AWS_SHARED_CREDENTIALS_FILE").map(Path::of)
                .orElseGet(() -> environment.homeDirectory().resolve(".aws").resolve("credentials"));
    }

    private Path configFile() {
        return environment.variable("AWS_CONFIG_FILE").map(Path::of)
                .orElseGet(() -> environment.homeDirectory().resolve(".aws").resolve("config"));
    }
}
