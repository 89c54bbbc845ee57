package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.FakeClient;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.GetChangeRequest;
import software.amazon.awssdk.services.route53.model.GetChangeResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerRequest;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckResponse;

/**
 * The in-memory Route 53 service (global). Each group of operations lives in its own class; this one only
 * routes. Every answer goes through {@link SdkIdShapes}, so ids have the shape the SDK client gives dr. Operations
 * dr does not use keep the SDK's default: they throw.
 */
public final class FakeRoute53 extends FakeClient implements Route53Client {
    private final HostedZoneOperations zones;
    private final RecordSetOperations records;
    private final HealthCheckOperations healthChecks;
    private final TagOperations tags;
    private final ChangeTracker changes;

    public FakeRoute53(World world) {
        super(SERVICE_NAME);
        this.changes = new ChangeTracker(world);
        this.zones = new HostedZoneOperations(world, changes);
        this.records = new RecordSetOperations(world, zones, changes);
        this.healthChecks = new HealthCheckOperations(world);
        this.tags = new TagOperations(zones, healthChecks);
    }

    @Override
    public CreateHostedZoneResponse createHostedZone(CreateHostedZoneRequest request) {
        return SdkIdShapes.asClientReturns(request, zones.create(request));
    }

    @Override
    public GetHostedZoneResponse getHostedZone(GetHostedZoneRequest request) {
        return SdkIdShapes.asClientReturns(request, zones.get(request));
    }

    @Override
    public ListHostedZonesResponse listHostedZones(ListHostedZonesRequest request) {
        return SdkIdShapes.asClientReturns(request, zones.list(request));
    }

    @Override
    public ListHostedZonesByNameResponse listHostedZonesByName(ListHostedZonesByNameRequest request) {
        return SdkIdShapes.asClientReturns(request, zones.listByName(request));
    }

    @Override
    public DeleteHostedZoneResponse deleteHostedZone(DeleteHostedZoneRequest request) {
        return SdkIdShapes.asClientReturns(request, zones.delete(request));
    }

    @Override
    public ChangeResourceRecordSetsResponse changeResourceRecordSets(ChangeResourceRecordSetsRequest request) {
        return SdkIdShapes.asClientReturns(request, records.change(request));
    }

    @Override
    public ListResourceRecordSetsResponse listResourceRecordSets(ListResourceRecordSetsRequest request) {
        return SdkIdShapes.asClientReturns(request, records.list(request));
    }

    @Override
    public TestDnsAnswerResponse testDNSAnswer(TestDnsAnswerRequest request) {
        return SdkIdShapes.asClientReturns(request, records.testDnsAnswer(request));
    }

    @Override
    public GetChangeResponse getChange(GetChangeRequest request) {
        return SdkIdShapes.asClientReturns(request, changes.getChange(request));
    }

    @Override
    public CreateHealthCheckResponse createHealthCheck(CreateHealthCheckRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.create(request));
    }

    @Override
    public GetHealthCheckResponse getHealthCheck(GetHealthCheckRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.get(request));
    }

    @Override
    public ListHealthChecksResponse listHealthChecks(ListHealthChecksRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.list(request));
    }

    @Override
    public UpdateHealthCheckResponse updateHealthCheck(UpdateHealthCheckRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.update(request));
    }

    @Override
    public DeleteHealthCheckResponse deleteHealthCheck(DeleteHealthCheckRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.delete(request));
    }

    @Override
    public GetHealthCheckStatusResponse getHealthCheckStatus(GetHealthCheckStatusRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.status(request));
    }

    @Override
    public GetHealthCheckLastFailureReasonResponse getHealthCheckLastFailureReason(
            GetHealthCheckLastFailureReasonRequest request) {
        return SdkIdShapes.asClientReturns(request, healthChecks.lastFailureReason(request));
    }

    @Override
    public ChangeTagsForResourceResponse changeTagsForResource(ChangeTagsForResourceRequest request) {
        return SdkIdShapes.asClientReturns(request, tags.change(request));
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        return SdkIdShapes.asClientReturns(request, tags.list(request));
    }

    @Override
    public ListTagsForResourcesResponse listTagsForResources(ListTagsForResourcesRequest request) {
        return SdkIdShapes.asClientReturns(request, tags.listMany(request));
    }
}
