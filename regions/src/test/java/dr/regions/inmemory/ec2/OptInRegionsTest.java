package dr.regions.inmemory.ec2;

import dr.core.model.Regions;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.world.AccountRegions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.acm.model.AcmException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Opt-in regions in the sandbox account. Regions launched after 20 March 2019 are disabled until the account enables
 * them (AWS Account Management Reference Guide, "Enable or disable AWS Regions in your account",
 * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html). DescribeRegions lists "the Regions
 * that are enabled for your account, or all Regions" with AllRegions
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html). A request to a region that is not
 * enabled is refused as unauthenticated: EC2 {@code AuthFailure} HTTP 401 (turbot/steampipe-plugin-aws#75,
 * segmentio/aws-okta#225), RDS {@code InvalidClientTokenId} 403 and JSON services {@code UnrecognizedClientException}
 * 400 (ekristen/aws-nuke#774). moto is kinder on both counts: it serves every region, and its DescribeRegions ignores
 * AllRegions and lists af-south-1, eu-south-1 and ap-southeast-3 as opt-in-not-required (moto
 * ec2/models/availability_zones_and_regions.py, {@code regions_opt_in_not_required}); gap row G23.
 */
class OptInRegionsTest {
    private final InMemoryCloud cloud = new InMemoryCloud(SandboxAccount.create());

    @Test
    void aFreshAccountHasTheDefaultRegionsEnabledAndEveryOptInRegionNot() {
        List<Region> enabled = cloud.ec2("us-east-1").describeRegions(r -> { }).regions();
        assertThat(enabled).extracting(Region::regionName)
                .containsExactlyInAnyOrderElementsOf(Regions.ENABLED_BY_DEFAULT)
                .doesNotContain("af-south-1", "ap-east-1", "me-south-1");
        assertThat(enabled).allSatisfy(region -> {
            assertThat(region.optInStatus()).isEqualTo("opt-in-not-required");
            assertThat(region.endpoint()).isEqualTo("ec2." + region.regionName() + ".amazonaws.com");
        });

        List<Region> all = cloud.ec2("us-east-1").describeRegions(r -> r.allRegions(true)).regions();
        assertThat(all).hasSize(Regions.KNOWN.size());
        assertThat(all).filteredOn(r -> r.regionName().equals("ap-east-1")).singleElement()
                .extracting(Region::optInStatus).isEqualTo("not-opted-in");
        assertThat(AccountRegions.optIn()).contains("af-south-1", "ap-east-1", "me-south-1", "eu-south-1",
                "il-central-1").doesNotContainAnyElementsOf(Regions.ENABLED_BY_DEFAULT);
    }

    @Test
    void aRegionTheAccountHasNotEnabledRefusesEveryRequestAsUnauthenticated() {
        assertThatThrownBy(() -> cloud.ec2("af-south-1").describeVpcs(r -> { }))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("AWS was not able to validate the provided access credentials");
                    assertThat(e.requestId()).isNotBlank();
                });
        assertThatThrownBy(() -> cloud.rds("ap-east-1").describeDBInstances(r -> { }))
                .isInstanceOfSatisfying(RdsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
        assertThatThrownBy(() -> cloud.acm("me-south-1").listCertificates(r -> { }))
                .isInstanceOfSatisfying(AcmException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                });
        assertThatThrownBy(() -> cloud.ec2("af-south-1").describeRegions(r -> { }))
                .as("not even DescribeRegions answers there").isInstanceOf(AwsServiceException.class);
    }

    @Test
    void onceEnabledTheRegionIsListedAsOptedInAndAnswers() {
        AccountRegions.enable(cloud.world(), "af-south-1");

        assertThat(cloud.ec2("af-south-1").describeVpcs(r -> { }).vpcs()).isEmpty();
        assertThat(cloud.ec2("us-west-2").describeRegions(r -> r.filters(Filter.builder().name("opt-in-status")
                .values("opted-in").build())).regions()).extracting(Region::regionName).containsExactly("af-south-1");
        assertThatThrownBy(() -> AccountRegions.enable(cloud.world(), "us-east-1"))
                .as("default regions cannot be enabled or disabled").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownFilterIsRefusedAsEc2Does() {
        assertThatThrownBy(() -> cloud.ec2("us-east-1").describeRegions(r -> r.filters(Filter.builder()
                .name("zone-name").values("x").build())))
                .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("InvalidParameterValue"));
    }
}
