package dr.core.config;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.model.Capacity;
import dr.core.model.Cidr;
import dr.core.model.GivenImages;
import dr.core.model.StackSpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSpecResolverTest {
    private final StackSpecResolver resolver = new StackSpecResolver();

    private static StackConfig.Builder regions() {
        return StackConfig.builder().option(ConfigKey.PRIMARY, "us-east-1").option(ConfigKey.DR, "us-west-2");
    }

    private StackSpec spec(StackConfig.Builder config) {
        return resolver.resolve(config.build(), true).spec();
    }

    private DrException refused(StackConfig.Builder config, boolean regionsRequired) {
        return (DrException) assertThatThrownBy(() -> resolver.resolve(config.build(), regionsRequired))
                .isInstanceOf(DrException.class)
                .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT))
                .actual();
    }

    private DrException refused(StackConfig.Builder config) {
        return refused(config, true);
    }

    @Nested
    class Defaults {
        @Test
        void onlyTheRegionsGivenYieldsTheDefaultSpec() {
            assertThat(spec(regions())).isEqualTo(StackSpec.defaults("us-east-1", "us-west-2"));
        }

        @Test
        void anotherStackNameAlsoNamesItsInternalZone() {
            StackSpec spec = spec(regions().option(ConfigKey.STACK, "shop"));

            assertThat(spec.stack()).isEqualTo("shop");
            assertThat(spec.internalZone()).isEqualTo("shop.internal");
        }

        @Test
        void everyGivenSettingReachesTheSpec() {
            StackSpec spec = spec(regions()
                    .option(ConfigKey.DOMAIN, "Shop.Example.COM.")
                    .option(ConfigKey.ADMIN_CIDR, "203.0.113.10/32")
                    .option(ConfigKey.PRIMARY_CIDR, "10.30.0.0/20")
                    .option(ConfigKey.DR_CIDR, "10.40.0.0/24")
                    .option(ConfigKey.NAT_PER_AZ, true)
                    .option(ConfigKey.WEB_INSTANCE_TYPE, "t3.small")
                    .option(ConfigKey.APP_INSTANCE_TYPE, "m7g.2xlarge")
                    .option(ConfigKey.DB_INSTANCE_CLASS, "db.r6g.large")
                    .option(ConfigKey.DB_STORAGE_GIB, 100)
                    .option(ConfigKey.MIN, 3).option(ConfigKey.DESIRED, 4).option(ConfigKey.MAX, 8)
                    .option(ConfigKey.DR_CAPACITY, 2)
                    .option(ConfigKey.HEALTH_CHECK_PATH, "/healthz")
                    .option(ConfigKey.HEALTH_CHECK_INTERVAL, 30)
                    .option(ConfigKey.HEALTH_CHECK_THRESHOLD, 5));

            assertThat(spec.domain()).as("normalized like Route 53 does").isEqualTo("shop.example.com");
            assertThat(spec.adminCidr()).isEqualTo(Cidr.parse("203.0.113.10/32"));
            assertThat(spec.primaryCidr()).isEqualTo(Cidr.parse("10.30.0.0/20"));
            assertThat(spec.drCidr()).isEqualTo(Cidr.parse("10.40.0.0/24"));
            assertThat(spec.natPerAz()).isTrue();
            assertThat(spec.webInstanceType()).isEqualTo("t3.small");
            assertThat(spec.appInstanceType()).isEqualTo("m7g.2xlarge");
            assertThat(spec.dbInstanceClass()).isEqualTo("db.r6g.large");
            assertThat(spec.dbAllocatedStorageGib()).isEqualTo(100);
            assertThat(spec.primaryCapacity()).isEqualTo(new Capacity(3, 4, 8));
            assertThat(spec.drCapacity()).as("warm standby grows to the primary's max on promotion")
                    .isEqualTo(new Capacity(2, 2, 8));
            assertThat(spec.healthCheckPath()).isEqualTo("/healthz");
            assertThat(spec.healthCheckIntervalSeconds()).isEqualTo(30);
            assertThat(spec.healthCheckFailureThreshold()).isEqualTo(5);
        }

        @Test
        void desiredCapacityNotGivenStaysInsideTheGivenBounds() {
            assertThat(spec(regions().option(ConfigKey.MIN, 3)).primaryCapacity()).isEqualTo(new Capacity(3, 3, 4));
            assertThat(spec(regions().option(ConfigKey.MAX, 1).option(ConfigKey.MIN, 1)).primaryCapacity())
                    .isEqualTo(new Capacity(1, 1, 1));
        }

        @Test
        void openSshIsAcceptedWhenExplicitlyAllowed() {
            StackSpec spec = spec(regions().option(ConfigKey.ADMIN_CIDR, "0.0.0.0/0").option(ConfigKey.ALLOW_OPEN_SSH, true));

            assertThat(spec.adminCidr().isAnywhere()).isTrue();
        }
    }

    @Nested
    class RegionsLeftForDiscovery {
        @Test
        void commandsOtherThanProvisionMayOmitTheRegions() {
            StackTarget target = resolver.resolve(StackConfig.builder().option(ConfigKey.STACK, "shop").build(), false);

            assertThat(target.stack()).isEqualTo("shop");
            assertThat(target.primaryRegion()).isEmpty();
            assertThat(target.regionsKnown()).isFalse();
            assertThatThrownBy(target::spec).isInstanceOf(IllegalStateException.class);
            assertThat(target.withRegions("eu-west-1", "eu-central-1").drRegion()).isEqualTo("eu-central-1");
        }

        @Test
        void discoveredRegionsAreCheckedToo() {
            StackTarget target = resolver.resolve(StackConfig.empty(), false);

            assertThatThrownBy(() -> target.withRegions("eu-west-1", "eu-west-1"))
                    .hasMessageContaining("are both eu-west-1");
        }

        @Test
        void aGivenRegionIsStillChecked() {
            assertThat(refused(StackConfig.builder().option(ConfigKey.DR, "us-wets-2"), false))
                    .hasMessage("--dr: 'us-wets-2' is not a known AWS region; did you mean 'us-west-2'? "
                            + "(e.g. us-east-1, us-west-2, eu-west-1)");
        }
    }

    @Nested
    class BadInput {
        @Test
        void unknownRegion() {
            assertThat(refused(regions().option(ConfigKey.PRIMARY, "mars-north-1")))
                    .hasMessageStartingWith("--primary: 'mars-north-1' is not a known AWS region");
        }

        @Test
        void primaryEqualToDr() {
            assertThat(refused(regions().option(ConfigKey.DR, "us-east-1")))
                    .hasMessage("--primary and --dr are both us-east-1: the DR region must differ from the primary region");
        }

        @Test
        void missingRegionsForProvision() {
            assertThat(refused(StackConfig.builder().option(ConfigKey.PRIMARY, "us-east-1")))
                    .hasMessageStartingWith("missing --dr: provision needs both");
            assertThat(refused(StackConfig.builder())).hasMessageStartingWith("missing --primary");
        }

        @Test
        void malformedCidr() {
            assertThat(refused(regions().option(ConfigKey.PRIMARY_CIDR, "10.10.0/16")))
                    .hasMessage("--primary-cidr: malformed CIDR '10.10.0/16': expected a.b.c.d/n, e.g. 10.10.0.0/16");
        }

        @Test
        void vpcCidrOutsideSixteenToTwentyFour() {
            assertThat(refused(regions().option(ConfigKey.DR_CIDR, "10.20.0.0/25")))
                    .hasMessageStartingWith("--dr-cidr: VPC CIDR 10.20.0.0/25 must be between /16 and /24");
            assertThat(refused(regions().option(ConfigKey.PRIMARY_CIDR, "10.0.0.0/8")))
                    .hasMessageStartingWith("--primary-cidr: VPC CIDR 10.0.0.0/8 must be between /16 and /24");
        }

        @Test
        void overlappingCidrs() {
            assertThat(refused(regions().option(ConfigKey.DR_CIDR, "10.10.128.0/17")))
                    .hasMessageStartingWith("--primary-cidr 10.10.0.0/16 and --dr-cidr 10.10.128.0/17 overlap");
        }

        @Test
        void openSshWithoutAllowOpenSsh() {
            assertThat(refused(regions().option(ConfigKey.ADMIN_CIDR, "0.0.0.0/0")))
                    .hasMessageStartingWith("--admin-cidr: 0.0.0.0/0 opens SSH to the whole internet")
                    .hasMessageContaining("--allow-open-ssh");
            assertThat(refused(regions().option(ConfigKey.ADMIN_CIDR, "0.0.0.0/0").option(ConfigKey.ALLOW_OPEN_SSH, false)))
                    .hasMessageContaining("--allow-open-ssh");
        }

        @Test
        void invalidDomain() {
            for (String domain : new String[] {"localhost", "exa_mple.com", "-shop.example.com", "example..com",
                    "example.123", "a".repeat(64) + ".com"}) {
                assertThat(refused(regions().option(ConfigKey.DOMAIN, domain)))
                        .hasMessageStartingWith("--domain: '" + domain + "' is not a valid domain name");
            }
        }

        @Test
        void aStackNameWithSingleInnerHyphensIsAccepted() {
            assertThat(resolver.resolve(regions().option(ConfigKey.STACK, "shop-dr-2").build(), true).stack())
                    .isEqualTo("shop-dr-2");
            assertThat(resolver.resolve(regions().option(ConfigKey.STACK, "s" + "x".repeat(30)).build(), true).stack())
                    .hasSize(31);
        }

        @Test
        void aHugeValueIsQuotedCutShortWithItsLength() {
            String huge = "x".repeat(1_000_000);
            assertThat(refused(regions().option(ConfigKey.DOMAIN, huge)).getMessage())
                    .hasSizeLessThan(500)
                    .contains("'" + "x".repeat(256) + "...' (1000000 characters)");
        }

        @Test
        void anAdminRangeBroaderThanASixteenNeedsAllowOpenSsh() {
            assertThat(refused(regions().option(ConfigKey.ADMIN_CIDR, "0.0.0.0/1")))
                    .hasMessageStartingWith("--admin-cidr: 0.0.0.0/1 opens SSH to 2147483648 addresses")
                    .hasMessageContaining("--allow-open-ssh");
            assertThat(refused(regions().option(ConfigKey.ADMIN_CIDR, "198.50.0.0/15")))
                    .hasMessageContaining("--allow-open-ssh");
            assertThat(resolver.resolve(regions().option(ConfigKey.ADMIN_CIDR, "198.51.0.0/16").build(), true).spec()
                    .adminCidr()).hasToString("198.51.0.0/16");
            assertThat(resolver.resolve(regions().option(ConfigKey.ADMIN_CIDR, "0.0.0.0/1")
                    .option(ConfigKey.ALLOW_OPEN_SSH, true).build(), true).spec().adminCidr()).hasToString("0.0.0.0/1");
        }

        @Test
        void aPrimaryWithNothingToServeOrAStandbyAboveThePrimaryMaximumIsRefused() {
            assertThat(refused(regions().option(ConfigKey.MIN, 0).option(ConfigKey.DESIRED, 0).option(ConfigKey.MAX, 0)))
                    .hasMessageStartingWith("primary capacity (--min, --desired, --max): desired 0 leaves the primary "
                            + "with no instance");
            assertThat(refused(regions().option(ConfigKey.DR_CAPACITY, 5)))
                    .hasMessageStartingWith("--dr-capacity: warm standby of 5 per tier is more than the primary's "
                            + "maximum of 4");
            assertThat(resolver.resolve(regions().option(ConfigKey.DR_CAPACITY, 4).build(), true).spec().drCapacity())
                    .isEqualTo(new dr.core.model.Capacity(4, 4, 4));
        }

        @Test
        void invalidStackName() {
            // RDS CreateDBInstance, DBInstanceIdentifier: "Can't end with a hyphen or contain two consecutive hyphens."
            // (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html)
            for (String stack : new String[] {"Shop", "1shop", "shop_dr", "", "s" + "x".repeat(31), "shop-", "shop--dr",
                    "-shop"}) {
                assertThat(refused(regions().option(ConfigKey.STACK, stack)))
                        .hasMessageStartingWith("--stack: '" + stack + "' is not a valid stack name");
            }
        }

        @Test
        void capacityMinAboveMaxOrNegative() {
            assertThat(refused(regions().option(ConfigKey.MIN, 5).option(ConfigKey.MAX, 2)))
                    .hasMessage("primary capacity (--min, --max): min 5 is greater than max 2");
            assertThat(refused(regions().option(ConfigKey.MIN, -1)))
                    .hasMessage("primary capacity (--min): must not be negative (min -1, desired 2, max 4)");
            assertThat(refused(regions().option(ConfigKey.DESIRED, 9)))
                    .hasMessage("primary capacity (--desired): desired 9 must lie between min 2 and max 4");
            assertThat(refused(regions().option(ConfigKey.DR_CAPACITY, -2)))
                    .hasMessage("--dr-capacity: capacity must not be negative (-2)");
        }

        @Test
        void instanceTypesAndStorage() {
            assertThat(refused(regions().option(ConfigKey.WEB_INSTANCE_TYPE, "large")))
                    .hasMessage("--web-instance-type: 'large' is not an EC2 instance type (e.g. t3.micro)");
            assertThat(refused(regions().option(ConfigKey.DB_INSTANCE_CLASS, "t3.micro")))
                    .hasMessage("--db-instance-class: 't3.micro' is not an RDS instance class (e.g. db.t3.micro)");
            assertThat(refused(regions().option(ConfigKey.DB_STORAGE_GIB, 10)))
                    .hasMessageStartingWith("--db-storage-gib: 10 GiB is outside what RDS for MySQL allows");
        }

        @Test
        void givenImagesMustBeAmiIds() {
            assertThat(refused(regions().option(ConfigKey.WEB_IMAGE, "ami-12345")))
                    .hasMessage("--web-image: 'ami-12345' is not an AMI id: ami- and 8 or 17 lower-case hex digits "
                            + "(e.g. ami-0123456789abcdef0)");
            assertThat(refused(regions().option(ConfigKey.APP_IMAGE, "ami-0123456789ABCDEF0")))
                    .hasMessageStartingWith("--app-image: 'ami-0123456789ABCDEF0' is not an AMI id");
            assertThat(refused(regions().option(ConfigKey.APP_IMAGE, "snap-0123456789abcdef0")))
                    .hasMessageStartingWith("--app-image: 'snap-0123456789abcdef0' is not an AMI id");
            assertThat(refused(regions().option(ConfigKey.WEB_IMAGE, "ami-0123456789abcdef")))
                    .as("16 digits").hasMessageStartingWith("--web-image: 'ami-0123456789abcdef' is not an AMI id");
        }

        @Test
        void givenImagesOfEightOrSeventeenDigitsReachTheSpecEitherAloneOrTogether() {
            assertThat(spec(regions().option(ConfigKey.WEB_IMAGE, " ami-1a2b3c4d ")).images())
                    .isEqualTo(new GivenImages("ami-1a2b3c4d", null));
            assertThat(spec(regions().option(ConfigKey.WEB_IMAGE, "ami-0123456789abcdef0")
                    .option(ConfigKey.APP_IMAGE, "ami-0fedcba9876543210")).images())
                    .isEqualTo(new GivenImages("ami-0123456789abcdef0", "ami-0fedcba9876543210"));
            assertThat(spec(regions()).images()).isEqualTo(GivenImages.NONE);
        }

        @Test
        void healthCheckSettings() {
            assertThat(refused(regions().option(ConfigKey.HEALTH_CHECK_INTERVAL, 15)))
                    .hasMessageStartingWith("--health-check-interval: 15 seconds is not a Route 53 health check interval");
            assertThat(refused(regions().option(ConfigKey.HEALTH_CHECK_THRESHOLD, 11)))
                    .hasMessageStartingWith("--health-check-threshold: 11 is not a Route 53 failure threshold");
            assertThat(refused(regions().option(ConfigKey.HEALTH_CHECK_THRESHOLD, 0)))
                    .hasMessageStartingWith("--health-check-threshold: 0 is not");
            assertThat(refused(regions().option(ConfigKey.HEALTH_CHECK_PATH, "health")))
                    .hasMessageStartingWith("--health-check-path: 'health' is not a URL path");
        }

        @Test
        void aValueFromTheConfigFileIsReportedWithItsFileAndLine() {
            StackConfig.Builder config = regions().set(ConfigKey.PRIMARY_CIDR, "10.0.0.0/12", "dr.yaml line 4 (primary-cidr)");

            assertThat(refused(config)).hasMessageStartingWith("dr.yaml line 4 (primary-cidr): VPC CIDR 10.0.0.0/12");
        }
    }
}
