package dr.regions.inmemory.route53;

import dr.regions.inmemory.world.Route53State;
import dr.regions.inmemory.world.Route53State.HealthCheck;
import dr.regions.inmemory.world.World;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckLastFailureReasonResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusResponse;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.HealthCheckRegion;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.ResettableElementName;
import software.amazon.awssdk.services.route53.model.StatusReport;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Health check CRUD and status. DeleteHealthCheck succeeds even while a record set still references the
 * check: AWS's API reference says "Route 53 does not prevent you from deleting a health check even if the
 * health check is associated with one or more resource record sets", and the old HealthCheckInUse error is
 * documented as no longer used (the SDK no longer models it).
 */
final class HealthCheckOperations {
    private static final Set<String> MODELED_TYPES = Set.of("HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH",
            "TCP");
    /** The checker regions Route 53 uses by default, with an address from each one's published range. */
    private static final Map<HealthCheckRegion, String> CHECKERS = Map.of(
            HealthCheckRegion.US_EAST_1, "54.243.31.200",
            HealthCheckRegion.US_WEST_1, "54.183.255.140",
            HealthCheckRegion.US_WEST_2, "54.244.52.200",
            HealthCheckRegion.EU_WEST_1, "54.228.16.10",
            HealthCheckRegion.AP_SOUTHEAST_1, "54.251.31.140",
            HealthCheckRegion.AP_SOUTHEAST_2, "54.252.79.140",
            HealthCheckRegion.AP_NORTHEAST_1, "54.248.220.10",
            HealthCheckRegion.SA_EAST_1, "54.232.40.70");

    private final World world;
    private final Route53State state;

    HealthCheckOperations(World world) {
        this.world = world;
        this.state = world.route53;
    }

    HealthCheck check(String id) {
        if (id == null) {
            throw Route53Errors.missing("healthCheckId");
        }
        HealthCheck check = state.healthChecks.get(id);
        if (check == null) {
            throw Route53Errors.noSuchHealthCheck(id);
        }
        return check;
    }

    /**
     * The same caller reference with the same settings returns the existing check (that is how a retried
     * create is made safe); with other settings, or once that check was deleted, it is refused.
     */
    CreateHealthCheckResponse create(CreateHealthCheckRequest request) {
        if (request.callerReference() == null || request.callerReference().isEmpty()) {
            throw Route53Errors.missing("callerReference");
        }
        if (request.healthCheckConfig() == null) {
            throw Route53Errors.missing("healthCheckConfig");
        }
        HealthCheck wanted = fromConfig(request.healthCheckConfig());
        if (state.deletedHealthCheckCallerReferences.contains(request.callerReference())) {
            throw Route53Errors.healthCheckAlreadyExists(request.callerReference());
        }
        for (HealthCheck existing : state.healthChecks.values()) {
            if (existing.callerReference.equals(request.callerReference())) {
                if (!sameSettings(existing, wanted)) {
                    throw Route53Errors.healthCheckAlreadyExists(request.callerReference());
                }
                return CreateHealthCheckResponse.builder().healthCheck(view(existing))
                        .location(location(existing)).build();
            }
        }
        wanted.id = world.ids.uuid();
        wanted.callerReference = request.callerReference();
        wanted.createdAt = world.time();
        wanted.sampling.lastSampleAt = wanted.createdAt;
        wanted.sampling.invertedApplied = wanted.inverted;
        wanted.sampling.disabledApplied = wanted.disabled;
        state.healthChecks.put(wanted.id, wanted);
        world.faults().created(wanted.id);
        return CreateHealthCheckResponse.builder().healthCheck(view(wanted)).location(location(wanted)).build();
    }

    private static String location(HealthCheck check) {
        return "https://route53.amazonaws.com/2013-04-01/healthcheck/" + check.id;
    }

    private static HealthCheck fromConfig(HealthCheckConfig config) {
        String type = config.typeAsString();
        if (type == null) {
            throw Route53Errors.missing("healthCheckConfig.type");
        }
        if (!MODELED_TYPES.contains(type)) {
            throw new UnsupportedOperationException("health check type " + type + " is not modeled by the in-memory"
                    + " Route 53");
        }
        HealthCheck check = new HealthCheck();
        check.type = type;
        check.fullyQualifiedDomainName = config.fullyQualifiedDomainName();
        check.ipAddress = config.ipAddress();
        check.port = config.port() != null ? config.port() : type.startsWith("HTTPS") ? 443 : 80;
        check.resourcePath = type.equals("TCP") ? null : config.resourcePath() == null ? "/" : config.resourcePath();
        check.searchString = config.searchString();
        check.requestInterval = config.requestInterval() == null ? 30 : config.requestInterval();
        check.failureThreshold = config.failureThreshold() == null ? 3 : config.failureThreshold();
        check.inverted = Boolean.TRUE.equals(config.inverted());
        check.disabled = Boolean.TRUE.equals(config.disabled());
        check.enableSni = config.enableSNI() != null ? config.enableSNI() : type.startsWith("HTTPS") ? true : null;
        check.measureLatency = Boolean.TRUE.equals(config.measureLatency());
        validate(check);
        return check;
    }

    private static void validate(HealthCheck check) {
        if (check.requestInterval != 10 && check.requestInterval != 30) {
            throw Route53Errors.constraint("healthCheckConfig.requestInterval", check.requestInterval,
                    "Member must be 10 or 30");
        }
        if (check.failureThreshold < 1 || check.failureThreshold > 10) {
            throw Route53Errors.constraint("healthCheckConfig.failureThreshold", check.failureThreshold,
                    "Member must have value between 1 and 10");
        }
        if (check.port < 1 || check.port > 65535) {
            throw Route53Errors.constraint("healthCheckConfig.port", check.port,
                    "Member must have value between 1 and 65535");
        }
        if (check.fullyQualifiedDomainName == null && check.ipAddress == null) {
            throw Route53Errors.invalidInput("Invalid parameter : HealthCheckConfig must contain either an IPAddress"
                    + " or a FullyQualifiedDomainName");
        }
        if (check.resourcePath != null && (!check.resourcePath.startsWith("/") || check.resourcePath.length() > 255)) {
            throw Route53Errors.constraint("healthCheckConfig.resourcePath", check.resourcePath,
                    "Member must start with / and have length less than or equal to 255");
        }
        if (check.type.endsWith("_STR_MATCH") && (check.searchString == null || check.searchString.isEmpty())) {
            throw Route53Errors.invalidInput("Invalid parameter : SearchString is required for " + check.type);
        }
    }

    private static boolean sameSettings(HealthCheck a, HealthCheck b) {
        return a.type.equals(b.type)
                && Objects.equals(a.fullyQualifiedDomainName, b.fullyQualifiedDomainName)
                && Objects.equals(a.ipAddress, b.ipAddress)
                && Objects.equals(a.port, b.port)
                && Objects.equals(a.resourcePath, b.resourcePath)
                && Objects.equals(a.searchString, b.searchString)
                && a.requestInterval == b.requestInterval
                && a.failureThreshold == b.failureThreshold
                && a.inverted == b.inverted
                && a.disabled == b.disabled;
    }

    GetHealthCheckResponse get(GetHealthCheckRequest request) {
        HealthCheck check = check(request.healthCheckId());
        if (!world.faults().visible(check.id)) {
            throw Route53Errors.noSuchHealthCheck(check.id);
        }
        return GetHealthCheckResponse.builder().healthCheck(view(check)).build();
    }

    ListHealthChecksResponse list(ListHealthChecksRequest request) {
        int maxItems = Route53Paging.maxItems(request.maxItems(), 100, 1000);
        List<HealthCheck> checks = new ArrayList<>(state.healthChecks.values());
        int start = 0;
        if (request.marker() != null) {
            while (start < checks.size() && !checks.get(start).id.equals(request.marker())) {
                start++;
            }
            if (start == checks.size()) {
                throw Route53Errors.invalidInput("Invalid marker: " + request.marker());
            }
        }
        int end = Math.min(checks.size(), start + maxItems);
        ListHealthChecksResponse.Builder response = ListHealthChecksResponse.builder()
                .healthChecks(checks.subList(start, end).stream().map(HealthCheckOperations::view).toList())
                .marker(request.marker())
                .maxItems(String.valueOf(maxItems))
                .isTruncated(end < checks.size());
        if (end < checks.size()) {
            response.nextMarker(checks.get(end).id);
        }
        return response.build();
    }

    /** RequestInterval and Type cannot be changed (they are not in the request); the version guards races. */
    UpdateHealthCheckResponse update(UpdateHealthCheckRequest request) {
        HealthCheck check = check(request.healthCheckId());
        if (request.healthCheckVersion() != null && request.healthCheckVersion() != check.version) {
            throw Route53Errors.healthCheckVersionMismatch();
        }
        HealthCheck updated = copyOf(check);
        if (request.fullyQualifiedDomainName() != null) {
            updated.fullyQualifiedDomainName = request.fullyQualifiedDomainName();
        }
        if (request.ipAddress() != null) {
            updated.ipAddress = request.ipAddress();
        }
        if (request.port() != null) {
            updated.port = request.port();
        }
        if (request.resourcePath() != null) {
            updated.resourcePath = request.resourcePath();
        }
        if (request.searchString() != null) {
            updated.searchString = request.searchString();
        }
        if (request.failureThreshold() != null) {
            updated.failureThreshold = request.failureThreshold();
        }
        if (request.inverted() != null) {
            updated.inverted = request.inverted();
        }
        if (request.disabled() != null) {
            updated.disabled = request.disabled();
        }
        if (request.enableSNI() != null) {
            updated.enableSni = request.enableSNI();
        }
        for (ResettableElementName reset : request.resetElements()) {
            if (reset == ResettableElementName.RESOURCE_PATH) {
                updated.resourcePath = "/";
            } else if (reset == ResettableElementName.FULLY_QUALIFIED_DOMAIN_NAME) {
                updated.fullyQualifiedDomainName = null;
            }
        }
        validate(updated);
        updated.version = check.version + 1;
        state.healthChecks.put(updated.id, updated);
        return UpdateHealthCheckResponse.builder().healthCheck(view(updated)).build();
    }

    private static HealthCheck copyOf(HealthCheck check) {
        HealthCheck copy = new HealthCheck();
        copy.id = check.id;
        copy.callerReference = check.callerReference;
        copy.type = check.type;
        copy.fullyQualifiedDomainName = check.fullyQualifiedDomainName;
        copy.ipAddress = check.ipAddress;
        copy.port = check.port;
        copy.resourcePath = check.resourcePath;
        copy.searchString = check.searchString;
        copy.requestInterval = check.requestInterval;
        copy.failureThreshold = check.failureThreshold;
        copy.inverted = check.inverted;
        copy.disabled = check.disabled;
        copy.enableSni = check.enableSni;
        copy.measureLatency = check.measureLatency;
        copy.version = check.version;
        copy.createdAt = check.createdAt;
        copy.tags = check.tags;
        copy.sampling = check.sampling;
        return copy;
    }

    DeleteHealthCheckResponse delete(DeleteHealthCheckRequest request) {
        HealthCheck check = check(request.healthCheckId());
        state.healthChecks.remove(check.id);
        state.deletedHealthCheckCallerReferences.add(check.callerReference);
        return DeleteHealthCheckResponse.builder().build();
    }

    /**
     * Every checker reports the same result (they all probe the same in-memory endpoint). The report is the
     * one behind the check's current status, so it flips when the status does: after FailureThreshold
     * consecutive samples. No observation exists before the first sample.
     */
    GetHealthCheckStatusResponse status(GetHealthCheckStatusRequest request) {
        HealthCheck check = check(request.healthCheckId());
        Route53State.Sampling s = check.sampling;
        boolean showFailure = !s.healthy || s.lastSuccessReport == null;
        String report = showFailure ? s.lastFailureReport : s.lastSuccessReport;
        Instant at = showFailure ? s.lastFailureAt : s.lastSuccessAt;
        return GetHealthCheckStatusResponse.builder().healthCheckObservations(observations(report, at)).build();
    }

    GetHealthCheckLastFailureReasonResponse lastFailureReason(GetHealthCheckLastFailureReasonRequest request) {
        HealthCheck check = check(request.healthCheckId());
        return GetHealthCheckLastFailureReasonResponse.builder()
                .healthCheckObservations(observations(check.sampling.lastFailureReport, check.sampling.lastFailureAt))
                .build();
    }

    private static List<HealthCheckObservation> observations(String report, Instant at) {
        if (report == null) {
            return List.of();
        }
        List<HealthCheckObservation> observations = new ArrayList<>();
        CHECKERS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(checker -> observations.add(HealthCheckObservation.builder()
                        .region(checker.getKey())
                        .ipAddress(checker.getValue())
                        .statusReport(StatusReport.builder().status(report).checkedTime(at).build())
                        .build()));
        return observations;
    }

    static software.amazon.awssdk.services.route53.model.HealthCheck view(HealthCheck check) {
        return software.amazon.awssdk.services.route53.model.HealthCheck.builder()
                .id(check.id)
                .callerReference(check.callerReference)
                .healthCheckVersion(check.version)
                .healthCheckConfig(HealthCheckConfig.builder()
                        .type(check.type)
                        .fullyQualifiedDomainName(check.fullyQualifiedDomainName)
                        .ipAddress(check.ipAddress)
                        .port(check.port)
                        .resourcePath(check.resourcePath)
                        .searchString(check.searchString)
                        .requestInterval(check.requestInterval)
                        .failureThreshold(check.failureThreshold)
                        .inverted(check.inverted)
                        .disabled(check.disabled)
                        .enableSNI(check.enableSni)
                        .measureLatency(check.measureLatency)
                        .build())
                .build();
    }
}
