package dr.cli.options;

import dr.cli.runtime.Connection;
import dr.cli.runtime.Environment;
import dr.core.DrException;
import dr.core.config.ConfigKey;
import dr.core.config.StackConfig;
import dr.core.config.StackConfigLoader;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Stack;

/** Which stack, in which regions, and where AWS calls go. Inherited by every command. */
public final class TargetOptions {
    public static final String DEFAULT_CONFIG = "dr.yaml";
    public static final String DEFAULT_SANDBOX = ".dr/sandbox.json";

    @Option(names = "--primary", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "Primary region, e.g. us-east-1. Required by provision; other commands discover it "
                    + "from the stack's tags when it is not given.")
    String primary;

    @Option(names = "--dr", paramLabel = "REGION", scope = ScopeType.INHERIT,
            description = "DR (warm standby) region, e.g. us-west-2; must differ from --primary. Required by "
                    + "provision; discovered like --primary otherwise.")
    String dr;

    @Option(names = "--stack", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Stack name: resources are tagged dr:stack=NAME and named NAME-<role>. A lower-case "
                    + "letter, then up to 30 lower-case letters, digits or hyphens (default: dr).")
    String stack;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "YAML stack config: keys are the option names without dashes (e.g. 'primary: us-east-1'); "
                    + "the command line wins over it (default: ./" + DEFAULT_CONFIG + " when present).")
    String config;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "AWS named profile, as defined in ~/.aws/config (default: the SDK's default "
                    + "credentials chain: environment, AWS_PROFILE, SSO, instance role).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Send every AWS call to this http(s) endpoint, e.g. http://localhost:4566 for LocalStack "
                    + "(default: the AWS_ENDPOINT_URL variable when set).")
    String endpointUrl;

    @Option(names = "--sandbox", paramLabel = "FILE", arity = "0..1", fallbackValue = DEFAULT_SANDBOX,
            preprocessor = SandboxFile.class, scope = ScopeType.INHERIT,
            description = "Use the built-in in-memory cloud instead of AWS: no account, no credentials. State is "
                    + "kept in FILE between commands (default: " + DEFAULT_SANDBOX + "; give a file as --sandbox=FILE).")
    String sandbox;

    /** {@code --stack}, {@code --primary}, {@code --dr} as config settings (absent when not given). */
    public StackConfig asConfig() {
        return StackConfig.builder()
                .option(ConfigKey.STACK, stack)
                .option(ConfigKey.PRIMARY, primary)
                .option(ConfigKey.DR, dr)
                .build();
    }

    /** The {@code --config} file, else {@code ./dr.yaml} when present, else nothing. */
    public StackConfig loadConfigFile(Environment environment) {
        StackConfigLoader loader = new StackConfigLoader();
        if (config != null) {
            return loader.load(environment.workingDirectory().resolve(config), config);
        }
        Path defaultFile = environment.workingDirectory().resolve(DEFAULT_CONFIG);
        return Files.exists(defaultFile) ? loader.load(defaultFile, DEFAULT_CONFIG) : StackConfig.empty();
    }

    /** Where AWS calls go, after checking that the connection options make sense together. */
    public Connection connection(Environment environment) {
        if (sandbox != null) {
            if (profile != null) {
                throw DrException.badInput("--sandbox cannot be combined with --profile: the sandbox is a built-in "
                        + "in-memory cloud that needs no AWS account");
            }
            if (endpointUrl != null) {
                throw DrException.badInput("--sandbox cannot be combined with --endpoint-url: the sandbox is "
                        + "built in, it has no endpoint");
            }
            if (sandbox.isBlank()) {
                throw DrException.badInput("--sandbox= needs a file name, e.g. --sandbox=" + DEFAULT_SANDBOX);
            }
            return Connection.sandbox(environment.workingDirectory().resolve(sandbox));
        }
        Optional<URI> endpoint = endpointUrl != null
                ? Optional.of(endpoint("--endpoint-url", endpointUrl))
                : environment.variable("AWS_ENDPOINT_URL").map(url -> endpoint("AWS_ENDPOINT_URL", url));
        if (profile != null && profile.isBlank()) {
            throw DrException.badInput("--profile needs a profile name");
        }
        return Connection.aws(Optional.ofNullable(profile), endpoint);
    }

    private static URI endpoint(String source, String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, the same way as a URL of the wrong kind
        }
        throw DrException.badInput(source + " '" + url + "' is not an http(s) URL (e.g. http://localhost:4566)");
    }

    /**
     * {@code --sandbox} takes a file only when attached ({@code --sandbox=FILE}), so that
     * {@code dr runbook show --sandbox NAME} does not read NAME as the sandbox file.
     */
    static final class SandboxFile implements IParameterPreprocessor {
        @Override
        public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
            if (" ".equals(info.get("separator"))) {
                args.push(DEFAULT_SANDBOX);
            }
            return false;
        }
    }
}
