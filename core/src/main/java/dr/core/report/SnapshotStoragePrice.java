package dr.core.report;

import java.util.Locale;
import java.util.Map;

/**
 * What a kept RDS snapshot costs a month: backup storage, billed per GiB-month of the snapshot's allocated storage
 * once its DB instance is gone ("Backup storage is only free for active DB Instances", Amazon RDS FAQ, billing; the
 * allocated size is an upper bound, RDS bills the snapshot's stored blocks). One list price per region, in USD; a
 * region without a recorded price is estimated at us-east-1's and says so. The prices are from the Amazon RDS for
 * MySQL pricing page, "Backup Storage"; check it before relying on a figure.
 */
public final class SnapshotStoragePrice {
    public static final String SOURCE = "https://aws.amazon.com/rds/mysql/pricing/ (Backup Storage)";
    private static final String REFERENCE_REGION = "us-east-1";
    private static final Map<String, Double> USD_PER_GIB_MONTH = Map.of(REFERENCE_REGION, 0.095);

    private SnapshotStoragePrice() {
    }

    /** USD per GiB-month in {@code region}. */
    public static double usdPerGibMonth(String region) {
        return USD_PER_GIB_MONTH.getOrDefault(region, USD_PER_GIB_MONTH.get(REFERENCE_REGION));
    }

    public static double monthlyUsd(String region, int gib) {
        return gib * usdPerGibMonth(region);
    }

    /** The price used for {@code region} and where it comes from, e.g. {@code $0.095/GiB-month (us-east-1 price)}. */
    public static String basis(String region) {
        String price = String.format(Locale.ROOT, "$%.3f/GiB-month", usdPerGibMonth(region));
        return USD_PER_GIB_MONTH.containsKey(region) ? price + " (" + region + " list price)"
                : price + " (us-east-1 list price; none recorded for " + region + ")";
    }

    public static String usd(double amount) {
        return String.format(Locale.ROOT, "$%.2f", amount);
    }
}
