package dr.regions.inmemory.backup;

import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.CreateBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.DeleteBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DeleteBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DeleteRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DeleteRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.DescribeCopyJobRequest;
import software.amazon.awssdk.services.backup.model.DescribeCopyJobResponse;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointRequest;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionRequest;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupJobsResponse;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupSelectionsResponse;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.backup.model.ListCopyJobsRequest;
import software.amazon.awssdk.services.backup.model.ListCopyJobsResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;
import software.amazon.awssdk.services.backup.model.StartBackupJobRequest;
import software.amazon.awssdk.services.backup.model.StartBackupJobResponse;
import software.amazon.awssdk.services.backup.model.StartCopyJobRequest;
import software.amazon.awssdk.services.backup.model.StartCopyJobResponse;
import software.amazon.awssdk.services.backup.model.TagResourceRequest;
import software.amazon.awssdk.services.backup.model.TagResourceResponse;
import software.amazon.awssdk.services.backup.model.UntagResourceRequest;
import software.amazon.awssdk.services.backup.model.UntagResourceResponse;
import software.amazon.awssdk.services.backup.model.UpdateBackupPlanRequest;
import software.amazon.awssdk.services.backup.model.UpdateBackupPlanResponse;

/**
 * The in-memory AWS Backup service for one region: vaults, plans and selections, on-demand EC2 backup jobs
 * (AMIs made through the EC2 fake) and cross-region copy jobs, recovery points, tags. Operations dr does not
 * use keep the SDK's default: they throw.
 */
public final class FakeBackup extends FakeClient implements BackupClient {
    private final VaultOperations vaults;
    private final PlanOperations plans;
    private final SelectionOperations selections;
    private final BackupJobOperations backupJobs;
    private final CopyJobOperations copyJobs;
    private final RecoveryPointOperations recoveryPoints;
    private final BackupTagOperations tags;

    public FakeBackup(World world, String region) {
        super(SERVICE_NAME);
        BackupContext ctx = new BackupContext(world, region);
        JobView view = new JobView(ctx);
        this.vaults = new VaultOperations(ctx);
        this.plans = new PlanOperations(ctx);
        this.selections = new SelectionOperations(ctx, plans);
        this.backupJobs = new BackupJobOperations(ctx, view);
        this.copyJobs = new CopyJobOperations(ctx, view);
        this.recoveryPoints = new RecoveryPointOperations(ctx, view);
        this.tags = new BackupTagOperations(ctx);
    }

    @Override
    public CreateBackupVaultResponse createBackupVault(CreateBackupVaultRequest request) {
        return vaults.create(request);
    }

    @Override
    public DescribeBackupVaultResponse describeBackupVault(DescribeBackupVaultRequest request) {
        return vaults.describe(request);
    }

    @Override
    public ListBackupVaultsResponse listBackupVaults(ListBackupVaultsRequest request) {
        return vaults.list(request);
    }

    @Override
    public DeleteBackupVaultResponse deleteBackupVault(DeleteBackupVaultRequest request) {
        return vaults.delete(request);
    }

    @Override
    public CreateBackupPlanResponse createBackupPlan(CreateBackupPlanRequest request) {
        return plans.create(request);
    }

    @Override
    public GetBackupPlanResponse getBackupPlan(GetBackupPlanRequest request) {
        return plans.get(request);
    }

    @Override
    public ListBackupPlansResponse listBackupPlans(ListBackupPlansRequest request) {
        return plans.list(request);
    }

    @Override
    public UpdateBackupPlanResponse updateBackupPlan(UpdateBackupPlanRequest request) {
        return plans.update(request);
    }

    @Override
    public DeleteBackupPlanResponse deleteBackupPlan(DeleteBackupPlanRequest request) {
        return plans.delete(request);
    }

    @Override
    public CreateBackupSelectionResponse createBackupSelection(CreateBackupSelectionRequest request) {
        return selections.create(request);
    }

    @Override
    public GetBackupSelectionResponse getBackupSelection(GetBackupSelectionRequest request) {
        return selections.get(request);
    }

    @Override
    public ListBackupSelectionsResponse listBackupSelections(ListBackupSelectionsRequest request) {
        return selections.list(request);
    }

    @Override
    public DeleteBackupSelectionResponse deleteBackupSelection(DeleteBackupSelectionRequest request) {
        return selections.delete(request);
    }

    @Override
    public StartBackupJobResponse startBackupJob(StartBackupJobRequest request) {
        return backupJobs.start(request);
    }

    @Override
    public DescribeBackupJobResponse describeBackupJob(DescribeBackupJobRequest request) {
        return backupJobs.describe(request);
    }

    @Override
    public ListBackupJobsResponse listBackupJobs(ListBackupJobsRequest request) {
        return backupJobs.list(request);
    }

    @Override
    public StartCopyJobResponse startCopyJob(StartCopyJobRequest request) {
        return copyJobs.start(request);
    }

    @Override
    public DescribeCopyJobResponse describeCopyJob(DescribeCopyJobRequest request) {
        return copyJobs.describe(request);
    }

    @Override
    public ListCopyJobsResponse listCopyJobs(ListCopyJobsRequest request) {
        return copyJobs.list(request);
    }

    @Override
    public ListRecoveryPointsByBackupVaultResponse listRecoveryPointsByBackupVault(
            ListRecoveryPointsByBackupVaultRequest request) {
        return recoveryPoints.list(request);
    }

    @Override
    public DescribeRecoveryPointResponse describeRecoveryPoint(DescribeRecoveryPointRequest request) {
        return recoveryPoints.describe(request);
    }

    @Override
    public DeleteRecoveryPointResponse deleteRecoveryPoint(DeleteRecoveryPointRequest request) {
        return recoveryPoints.delete(request);
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return tags.tag(request);
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return tags.untag(request);
    }

    @Override
    public ListTagsResponse listTags(ListTagsRequest request) {
        return tags.list(request);
    }
}
