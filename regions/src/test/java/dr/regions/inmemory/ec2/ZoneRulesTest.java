package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox account's zones as EC2 reports them. Shapes: EC2 API reference, DescribeAvailabilityZones,
 * AvailabilityZone ("For Availability Zones, this parameter always has the value of opt-in-not-required"; zone
 * type availability-zone | local-zone | wavelength-zone) and DescribeInstanceTypeOfferings (one InstanceType,
 * LocationType, Location per offering; without LocationType the location is the Region).
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AvailabilityZone.html
 */
class ZoneRulesTest extends Ec2TestSupport {

    @Test
    void zonesAreDescribedWithTheirIdsTypesAndGroups() {
        List<AvailabilityZone> zones = ec2.describeAvailabilityZones().availabilityZones();

        assertThat(zones).extracting(z -> z.zoneName() + "=" + z.zoneId() + "/" + z.zoneType() + "/" + z.stateAsString())
                .containsExactly("us-east-1a=use1-az1/availability-zone/available",
                        "us-east-1b=use1-az2/availability-zone/available",
                        "us-east-1c=use1-az3/availability-zone/available",
                        "us-east-1d=use1-az4/availability-zone/available",
                        "us-east-1e=use1-az5/availability-zone/available",
                        "us-east-1f=use1-az6/availability-zone/available",
                        "us-east-1-bos-1a=use1-bos1-az1/local-zone/available");
        assertThat(zones.get(0)).satisfies(z -> {
            assertThat(z.optInStatusAsString()).isEqualTo("opt-in-not-required");
            assertThat(z.regionName()).isEqualTo(REGION);
            assertThat(z.networkBorderGroup()).isEqualTo(REGION);
            assertThat(z.parentZoneName()).isNull();
        });
        assertThat(zones.get(6)).satisfies(z -> {
            assertThat(z.optInStatusAsString()).isEqualTo("opted-in");
            assertThat(z.groupName()).isEqualTo("us-east-1-bos-1");
            assertThat(z.networkBorderGroup()).isEqualTo("us-east-1-bos-1");
            assertThat(z.parentZoneName()).isEqualTo("us-east-1a");
            assertThat(z.parentZoneId()).isEqualTo("use1-az1");
        });
        assertThat(cloud.ec2("ap-southeast-2").describeAvailabilityZones(r -> r.zoneNames("ap-southeast-2b"))
                .availabilityZones()).singleElement().satisfies(z -> assertThat(z.zoneId()).isEqualTo("apse2-az2"));
        assertEc2Error(() -> ec2.describeAvailabilityZones(r -> r.zoneNames("us-east-1z")), "InvalidParameterValue");
    }

    @Test
    void theZoneTypeFilterLeavesLocalZonesOut() {
        assertThat(ec2.describeAvailabilityZones(r -> r.filters(filter("zone-type", "availability-zone"),
                        filter("state", "available"))).availabilityZones())
                .extracting(AvailabilityZone::zoneName).doesNotContain("us-east-1-bos-1a").hasSize(6);
        assertEc2Error(() -> ec2.describeAvailabilityZones(r -> r.filters(filter("zone-kind", "x"))),
                "InvalidParameterValue");
    }

    @Test
    void someAccountsHaveNoBZone() {
        // Coalfire-Research/npk issue 10; TheSudoYT/terraform-aws-palworld issue 9.
        assertThat(cloud.ec2("us-west-1").describeAvailabilityZones().availabilityZones())
                .extracting(AvailabilityZone::zoneName).containsExactly("us-west-1a", "us-west-1c");
        assertThat(cloud.ec2("ap-northeast-1").describeAvailabilityZones().availabilityZones())
                .extracting(AvailabilityZone::zoneName).containsExactly("ap-northeast-1a", "ap-northeast-1c",
                        "ap-northeast-1d");
    }

    @Test
    void aSubnetInAZoneTheAccountLacksIsRefusedWithTheZonesItHas() {
        String vpcId = cloud.ec2("us-west-1").createVpc(r -> r.cidrBlock("10.10.0.0/16")).vpc().vpcId();

        // "Value (us-west-1a) for parameter availabilityZone is invalid. Subnets can currently only be created in
        // the following availability zones: us-west-1b, us-west-1c." (Coalfire-Research/npk issue 10)
        assertThatThrownBy(() -> cloud.ec2("us-west-1").createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.10.0.0/24")
                .availabilityZone("us-west-1b"))).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Value (us-west-1b) for parameter "
                            + "availabilityZone is invalid. Subnets can currently only be created in the following "
                            + "availability zones: us-west-1a, us-west-1c.");
                });
        assertThat(cloud.ec2("us-west-1").createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.10.0.0/24")
                .availabilityZoneId("usw1-az3")).subnet().availabilityZone()).isEqualTo("us-west-1c");
    }

    @Test
    void offeringsArePerZoneAndOneZoneLacksT3() {
        List<InstanceTypeOffering> offerings = ec2.describeInstanceTypeOfferingsPaginator(r -> r
                .locationType(LocationType.AVAILABILITY_ZONE).filters(filter("instance-type", "t3.micro")).maxResults(5))
                .instanceTypeOfferings().stream().toList();

        // us-east-1e: "Your requested instance type (t3.micro) is not supported in your requested Availability Zone
        // (us-east-1e)" (ned1313/Getting-Started-Terraform issue 44).
        assertThat(offerings).extracting(InstanceTypeOffering::location)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f");
        assertThat(offerings).allSatisfy(o -> {
            assertThat(o.instanceTypeAsString()).isEqualTo("t3.micro");
            assertThat(o.locationTypeAsString()).isEqualTo("availability-zone");
        });
        assertThat(ec2.describeInstanceTypeOfferings(r -> r.filters(filter("instance-type", "t3.micro")))
                .instanceTypeOfferings()).singleElement()
                .satisfies(o -> assertThat(o.location() + "/" + o.locationTypeAsString()).isEqualTo("us-east-1/region"));
        assertThat(ec2.describeInstanceTypeOfferings(r -> r.locationType(LocationType.AVAILABILITY_ZONE_ID)
                        .filters(filter("instance-type", "t3.*"), filter("location", "use1-az5")))
                .instanceTypeOfferings()).isEmpty();
        assertEc2Error(() -> ec2.describeInstanceTypeOfferings(r -> r.maxResults(2)), "InvalidParameterValue");
    }

    @Test
    void aTypeTheSubnetsZoneDoesNotOfferIsRefusedAsUnsupported() {
        String vpcId = vpc("10.10.0.0/16");
        String inE = subnet(vpcId, "10.10.0.0/24", "us-east-1e");
        String image = baseImage();

        assertThatThrownBy(() -> ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").subnetId(inE)
                .minCount(1).maxCount(1))).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Unsupported");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("Your requested instance type "
                            + "(t3.micro) is not supported in your requested Availability Zone (us-east-1e).");
                });
        assertThat(ec2.runInstances(r -> r.imageId(image).instanceType("m5.large").subnetId(inE).minCount(1)
                .maxCount(1)).instances()).hasSize(1);
    }

    /** An instance type EC2 does not have: InvalidParameterValue (getmoto/moto issue 1695 quotes AWS's answer). */
    @Test
    void aTypeEc2DoesNotHaveIsAnInvalidParameterValue() {
        String vpcId = vpc("10.11.0.0/16");
        String inA = subnet(vpcId, "10.11.0.0/24", "us-east-1a");
        String image = baseImage();

        assertThatThrownBy(() -> ec2.runInstances(r -> r.imageId(image).instanceType("t3.humongous").subnetId(inA)
                .minCount(1).maxCount(1))).isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Invalid value 't3.humongous' for InstanceType.");
                });
    }
}
