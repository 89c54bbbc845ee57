package dr.cli.commands;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * {@code --version}: dr's version, the git commit it was built from and the AWS SDK it was built with (Maven wrote
 * all three into {@code dr-version.properties} at build time, so printing them loads no SDK class), and the Java
 * runtime it runs on.
 */
public final class VersionProvider implements IVersionProvider {
    public static final String RESOURCE = "/dr-version.properties";
    private static final String UNKNOWN = "(unknown)";

    @Override
    public String[] getVersion() {
        Properties build = buildProperties();
        return new String[] {
            "dr " + build.getProperty("version", UNKNOWN),
            "commit " + build.getProperty("commit", UNKNOWN),
            "AWS SDK for Java " + build.getProperty("awsSdk", UNKNOWN),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.vm.name") + ")"};
    }

    public static String version() {
        return buildProperties().getProperty("version", "(unknown version)");
    }

    /**
     * Read once: picocli asks for the version each time it adds a subcommand (it copies the root's version into each),
     * a dozen times a run, and each read looked the resource up in the JDK's modules before the jar.
     */
    private static Properties buildProperties() {
        return BuildProperties.READ;
    }

    private static final class BuildProperties {
        static final Properties READ = read();
    }

    private static Properties read() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves every field unknown
        }
        return properties;
    }
}
