package dr.cli.options;

import dr.core.config.ConfigKey;
import dr.core.config.StackConfig;
import picocli.CommandLine.Option;

/**
 * {@code --min}, {@code --desired} and {@code --max}: the primary capacity per tier, which the primary region runs
 * and DR is scaled to on promotion. Given ones override the config file's.
 */
public final class CapacityOptions {
    @Option(names = "--min", paramLabel = "N",
            description = "Minimum instances per tier at primary capacity: the primary region's, and DR's after "
                    + "promotion (default: the config's, else 2).")
    Integer min;

    @Option(names = "--desired", paramLabel = "N",
            description = "Desired instances per tier at primary capacity, between --min and --max (default: the "
                    + "config's, else 2).")
    Integer desired;

    @Option(names = "--max", paramLabel = "N",
            description = "Maximum instances per tier at primary capacity (default: the config's, else 4).")
    Integer max;

    /** Adds the given ones to {@code options}. */
    public StackConfig.Builder addTo(StackConfig.Builder options) {
        return options.option(ConfigKey.MIN, min).option(ConfigKey.DESIRED, desired).option(ConfigKey.MAX, max);
    }
}
