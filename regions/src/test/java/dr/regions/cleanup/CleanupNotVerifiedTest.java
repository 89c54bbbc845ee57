package dr.regions.cleanup;

import dr.core.engine.ProgressListener;
import dr.core.report.CleanupReport;
import dr.regions.discovery.Inventory;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.discovery.StackWorld;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One vault's recovery points answering 404 with no code and no message (what ended a real cleanup in exit 4):
 * cleanup deletes everything else it found and lists what it could not verify, in its text, Markdown and JSON.
 */
class CleanupNotVerifiedTest {
    private final StackWorld world = StackWorld.create();

    @Test
    void deletesAllItCanAndListsWhatItCouldNotVerify() {
        world.cloud.world().faults().bareError("backup", "ListRecoveryPointsByBackupVault", StackWorld.DR, 404);

        CleanupReport report = new Cleanup(StackWorld.STACK, StackWorld.REGIONS, world.cloud,
                world.cloud.world().clock(), CleanupOptions.defaults()).run(ProgressListener.NONE);

        assertThat(report.succeeded()).isFalse();
        assertThat(report.deletedTotal()).isPositive();
        assertThat(report.notVerified()).as("the recovery points of each DR vault").isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.id()).contains(StackWorld.DR, "AWS::Backup::RecoveryPoint");
            assertThat(entry.state()).startsWith("Backup ListRecoveryPointsByBackupVault: HTTP 404, no code: "
                    + "no message (request id ");
        });
        StringWriter text = new StringWriter();
        report.printText(new PrintWriter(text, true));
        assertThat(text.toString()).contains("Not verified: ", "ListRecoveryPointsByBackupVault")
                .doesNotContain("null");
        assertThat(report.toMarkdown()).contains("## Not verified", "HTTP 404, no code: no message")
                .doesNotContain("null");
        assertThat(report.toJson().toString()).doesNotContain("null");

        world.cloud.world().faults().clear();
        Inventory left = world.inventory(StackWorld.STACK);
        assertThat(left.resources()).as("only the DR vault, which cleanup could not see into, and what it holds")
                .allSatisfy(resource -> {
                    assertThat(resource.region()).isEqualTo(StackWorld.DR);
                    assertThat(resource.kind()).isIn(Set.of(ResourceKind.BACKUP_VAULT, ResourceKind.RECOVERY_POINT));
                });
        assertThat(left.ofKind(ResourceKind.VPC)).isEmpty();
        assertThat(left.in(StackResource.GLOBAL)).isEmpty();
    }
}
