package dr.regions.inmemory.ec2;

import dr.regions.inmemory.world.AccountRegions;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.Region;
import dr.core.model.Regions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The region's zones (DescribeAvailabilityZones) and which instance types each offers
 * (DescribeInstanceTypeOfferings), from the sandbox account's {@link SandboxZones}. Shapes follow the EC2 API
 * reference: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html,
 * .../API_AvailabilityZone.html and .../API_DescribeInstanceTypeOfferings.html.
 */
final class ZoneOperations {
    private static final Set<String> ZONE_FILTERS = Set.of("zone-name", "zone-id", "state", "region-name",
            "zone-type", "group-name", "opt-in-status", "network-border-group", "parent-zone-name", "parent-zone-id",
            "message");
    private static final Set<String> REGION_FILTERS = Set.of("endpoint", "opt-in-status", "region-name");
    private static final Set<String> OFFERING_FILTERS = Set.of("instance-type", "location");

    private final Ec2Context ctx;

    ZoneOperations(Ec2Context ctx) {
        this.ctx = ctx;
    }

    DescribeAvailabilityZonesResponse describeAvailabilityZones(DescribeAvailabilityZonesRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), ZONE_FILTERS);
        List<SandboxZones.Zone> zones = SandboxZones.of(ctx.region);
        for (String wanted : request.zoneNames()) {
            if (zones.stream().noneMatch(z -> z.name().equals(wanted))) {
                throw Ec2Errors.invalidValue("Invalid availability zone: [" + wanted + "]");
            }
        }
        List<AvailabilityZone> out = new ArrayList<>();
        for (SandboxZones.Zone zone : zones) {
            boolean named = request.zoneNames().isEmpty() || request.zoneNames().contains(zone.name());
            boolean byId = request.zoneIds().isEmpty() || request.zoneIds().contains(zone.id());
            if (named && byId && filter.matches(Map.of(), name -> attribute(zone, name))) {
                out.add(toSdk(zone));
            }
        }
        return DescribeAvailabilityZonesResponse.builder().availabilityZones(out).build();
    }

    /**
     * The account's regions (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html): "the
     * Regions that are enabled for your account, or all Regions" with {@code AllRegions}; {@code RegionNames} may name
     * any region, enabled or not. OptInStatus is {@code opt-in-not-required} for a default region, {@code opted-in}
     * or {@code not-opted-in} for an opt-in one ({@link AccountRegions}). Regions dr does not know are not modeled.
     */
    DescribeRegionsResponse describeRegions(DescribeRegionsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), REGION_FILTERS);
        boolean all = Boolean.TRUE.equals(request.allRegions()) || !request.regionNames().isEmpty();
        List<Region> out = new ArrayList<>();
        for (String region : new TreeSet<>(Regions.KNOWN)) {
            String status = AccountRegions.isDefault(region) ? "opt-in-not-required"
                    : AccountRegions.enabled(ctx.world, region) ? "opted-in" : "not-opted-in";
            boolean listed = request.regionNames().isEmpty() || request.regionNames().contains(region);
            boolean shown = all || !status.equals("not-opted-in");
            String endpoint = "ec2." + region + ".amazonaws.com";
            if (listed && shown && filter.matches(Map.of(), name -> switch (name) {
                case "endpoint" -> List.of(endpoint);
                case "opt-in-status" -> List.of(status);
                case "region-name" -> List.of(region);
                default -> List.of();
            })) {
                out.add(Region.builder().regionName(region).endpoint(endpoint).optInStatus(status).build());
            }
        }
        return DescribeRegionsResponse.builder().regions(out).build();
    }

    private Collection<String> attribute(SandboxZones.Zone zone, String name) {
        return switch (name) {
            case "zone-name" -> List.of(zone.name());
            case "zone-id" -> List.of(zone.id());
            case "state" -> List.of("available");
            case "region-name" -> List.of(ctx.region);
            case "zone-type" -> List.of(zone.type());
            case "group-name" -> List.of(zone.groupName());
            case "network-border-group" -> List.of(networkBorderGroup(zone));
            case "opt-in-status" -> List.of(optInStatus(zone));
            case "parent-zone-name" -> zone.parentName() == null ? List.of() : List.of(zone.parentName());
            case "parent-zone-id" -> zone.parentName() == null ? List.of()
                    : SandboxZones.find(ctx.region, zone.parentName()).map(p -> List.of(p.id())).orElse(List.of());
            default -> List.of();
        };
    }

    /** "For Availability Zones, this parameter always has the value of opt-in-not-required." */
    private static String optInStatus(SandboxZones.Zone zone) {
        return zone.isAvailabilityZone() ? "opt-in-not-required" : "opted-in";
    }

    private String networkBorderGroup(SandboxZones.Zone zone) {
        return zone.isAvailabilityZone() ? ctx.region : zone.groupName();
    }

    private AvailabilityZone toSdk(SandboxZones.Zone zone) {
        AvailabilityZone.Builder builder = AvailabilityZone.builder()
                .zoneName(zone.name())
                .zoneId(zone.id())
                .regionName(ctx.region)
                .groupName(zone.groupName())
                .networkBorderGroup(networkBorderGroup(zone))
                .zoneType(zone.type())
                .optInStatus(optInStatus(zone))
                .state("available")
                .messages(List.of());
        if (zone.parentName() != null) {
            builder.parentZoneName(zone.parentName())
                    .parentZoneId(SandboxZones.find(ctx.region, zone.parentName()).orElseThrow().id());
        }
        return builder.build();
    }

    /**
     * One offering per (instance type, location). Without LocationType the location is the region ("If no location
     * is specified, the default is to list the instance types that are offered in the current Region").
     */
    DescribeInstanceTypeOfferingsResponse describeInstanceTypeOfferings(DescribeInstanceTypeOfferingsRequest request) {
        Ec2Filter filter = Ec2Filter.of(request.filters(), OFFERING_FILTERS);
        String locationType = request.locationTypeAsString() == null ? "region" : request.locationTypeAsString();
        List<InstanceTypeOffering> offerings = new ArrayList<>();
        switch (locationType) {
            case "region" -> {
                List<SandboxZones.Zone> zones = SandboxZones.of(ctx.region);
                for (String type : new TreeSet<>(SandboxZones.INSTANCE_TYPES)) {
                    if (zones.stream().anyMatch(z -> z.offers(type))) {
                        offerings.add(offering(type, locationType, ctx.region));
                    }
                }
            }
            case "availability-zone", "availability-zone-id" -> {
                for (SandboxZones.Zone zone : SandboxZones.of(ctx.region)) {
                    String location = locationType.equals("availability-zone") ? zone.name() : zone.id();
                    for (String type : new TreeSet<>(SandboxZones.INSTANCE_TYPES)) {
                        if (zone.offers(type)) {
                            offerings.add(offering(type, locationType, location));
                        }
                    }
                }
            }
            case "outpost" -> {
                // The sandbox account has no Outposts.
            }
            default -> throw Ec2Errors.invalidValue("LocationType", locationType);
        }
        List<InstanceTypeOffering> matching = offerings.stream()
                .filter(o -> filter.matches(Map.of(), name -> switch (name) {
                    case "instance-type" -> List.of(o.instanceTypeAsString());
                    case "location" -> List.of(o.location());
                    default -> List.of();
                }))
                .toList();
        Ec2Pages.Page<InstanceTypeOffering> page =
                Ec2Pages.page(matching, request.maxResults(), request.nextToken(), 5, 1000);
        return DescribeInstanceTypeOfferingsResponse.builder()
                .instanceTypeOfferings(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    private static InstanceTypeOffering offering(String type, String locationType, String location) {
        return InstanceTypeOffering.builder().instanceType(type).locationType(locationType).location(location).build();
    }
}
