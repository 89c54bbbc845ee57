package dr.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotStoragePriceTest {
    @Test
    void aKeptSnapshotCostsItsAllocatedGibAtTheRegionsBackupStoragePrice() {
        CleanupReport.KeptSnapshot kept = new CleanupReport.KeptSnapshot("us-east-1", "shop-db-final-20261203101500",
                "shop-db", "available", 20);

        assertThat(kept.monthlyUsd()).isEqualTo(20 * 0.095, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(kept.cost()).isEqualTo("20 GiB, about $1.90/month at $0.095/GiB-month (us-east-1 list price)");
        assertThat(kept.toJson().get("monthlyCostUsd").asDouble()).isEqualTo(1.9);
    }

    @Test
    void aRegionWithoutARecordedPriceIsEstimatedAtUsEast1sAndSaysSo() {
        assertThat(SnapshotStoragePrice.basis("ap-southeast-2"))
                .isEqualTo("$0.095/GiB-month (us-east-1 list price; none recorded for ap-southeast-2)");
    }
}
