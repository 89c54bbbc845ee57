package dr.regions.iam;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dr commands an IAM policy is written for, by the name {@code dr iam-policy --for} takes. {@link #DRILL} covers
 * {@code failover drill} and {@code failover restore} (the restore undoes an interrupted drill, with the same rights).
 */
public enum PolicyCommand {
    PROVISION("provision", "Provision"),
    STATUS("status", "Status"),
    DRILL("drill", "Drill"),
    PROMOTE("promote", "Promote"),
    REPROTECT("reprotect", "Reprotect"),
    FAILBACK("failback", "Failback"),
    CLEANUP("cleanup", "Cleanup");

    private final String cliName;
    private final String sidPrefix;

    PolicyCommand(String cliName, String sidPrefix) {
        this.cliName = cliName;
        this.sidPrefix = sidPrefix;
    }

    /** The name {@code --for} takes and the key in {@code operations.yaml}. */
    public String cliName() {
        return cliName;
    }

    /** How the command's statement ids begin, e.g. {@code ProvisionEc2}. */
    public String sidPrefix() {
        return sidPrefix;
    }

    public static Optional<PolicyCommand> byName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.cliName.equals(wanted)).findFirst();
    }

    /** {@code provision, status, drill, promote, cleanup}. */
    public static String names() {
        return Arrays.stream(values()).map(PolicyCommand::cliName).collect(Collectors.joining(", "));
    }
}
