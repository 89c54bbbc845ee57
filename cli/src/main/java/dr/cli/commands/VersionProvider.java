package dr.cli.commands;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code --version}: the version Maven wrote into {@code dr-version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {
    public static final String RESOURCE = "/dr-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"dr " + version(), "Java " + System.getProperty("java.version")};
    }

    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "(unknown version)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
