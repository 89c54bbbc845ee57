package dr.regions.discovery;

import dr.core.model.Regions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dr.regions.discovery.ResourceKind.*;
import static org.assertj.core.api.Assertions.assertThat;

class StackInventoryTest {
    private final StackWorld world = StackWorld.create();
    private final Inventory inventory = world.inventory(StackWorld.STACK);

    private Set<String> ids(ResourceKind kind, String region) {
        return inventory.ofKind(kind, region).stream().map(StackResource::id).collect(Collectors.toSet());
    }

    @Test
    void everyKindOfResourceTheStackHasIsFoundInEachRegionAndGlobally() {
        for (String region : StackWorld.REGIONS) {
            for (ResourceKind kind : List.of(VPC, SUBNET, ROUTE_TABLE, INTERNET_GATEWAY, NAT_GATEWAY, ELASTIC_IP,
                    SECURITY_GROUP, INSTANCE, IMAGE, SNAPSHOT, LAUNCH_TEMPLATE, AUTO_SCALING_GROUP, LOAD_BALANCER,
                    LISTENER, LISTENER_RULE, TARGET_GROUP, DB_INSTANCE, DB_SUBNET_GROUP, BACKUP_VAULT, BACKUP_PLAN,
                    BACKUP_SELECTION, RECOVERY_POINT, CERTIFICATE)) {
                assertThat(inventory.ofKind(kind, region)).as("%s in %s", kind, region).isNotEmpty();
            }
        }
        for (ResourceKind kind : List.of(HOSTED_ZONE, RECORD_SET, HEALTH_CHECK, DISTRIBUTION, WEB_ACL)) {
            assertThat(inventory.ofKind(kind)).as("%s", kind).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.isGlobal()).isTrue());
        }
        assertThat(inventory.complete()).isTrue();
    }

    @Test
    void theHandMadeResourcesAreFoundByTheirIds() {
        for (String region : StackWorld.REGIONS) {
            StackExtras.Alb alb = world.dr.albs().get(region);
            assertThat(ids(LOAD_BALANCER, region)).contains(alb.arn());
            assertThat(ids(TARGET_GROUP, region)).contains(alb.targetGroupArn());
            assertThat(ids(INSTANCE, region)).contains(alb.instanceId());
            assertThat(ids(BACKUP_VAULT, region)).contains(alb.vaultName());
        }
        assertThat(ids(DISTRIBUTION, StackResource.GLOBAL)).contains(world.dr.distributionId());
        assertThat(ids(WEB_ACL, StackResource.GLOBAL)).contains(world.dr.webAclId());
        assertThat(ids(HEALTH_CHECK, StackResource.GLOBAL)).contains(world.dr.healthCheckId());
        assertThat(ids(CERTIFICATE, Regions.GLOBAL_EDGE)).contains(world.dr.edgeCertificate());
    }

    @Test
    void rolesAndRegionRolesComeFromTheTags() {
        StackResource vpc = inventory.ofKind(VPC, StackWorld.DR).get(0);
        assertThat(vpc.role()).isEqualTo("vpc");
        assertThat(vpc.regionRole()).isEqualTo("dr");
        assertThat(inventory.ofKind(DB_INSTANCE, StackWorld.PRIMARY)).singleElement().satisfies(db -> {
            assertThat(db.role()).isEqualTo("db-primary");
            assertThat(db.state()).isEqualTo("available");
            assertThat(db.flag(Attributes.DELETION_PROTECTION)).isTrue();
        });
        assertThat(inventory.ofKind(DB_INSTANCE, StackWorld.DR)).singleElement()
                .satisfies(db -> assertThat(db.attribute(Attributes.REPLICA_OF)).contains(":db:dr-db"));
    }

    /**
     * An EC2 recovery point is named by its AMI's ARN, which Backup's ListTags refuses (the fake does too): its role
     * comes from the AMI's tags, which AWS Backup copied from the job's recovery point tags.
     */
    @Test
    void anEc2RecoveryPointTakesItsRoleFromItsAmisTags() {
        for (String region : StackWorld.REGIONS) {
            assertThat(inventory.ofKind(RECOVERY_POINT, region)).isNotEmpty()
                    .allSatisfy(point -> assertThat(point.id()).startsWith("arn:aws:ec2:" + region + "::image/ami-"))
                    .anySatisfy(point -> assertThat(point.role()).isEqualTo("x-recovery-point"));
        }
    }

    @Test
    void autoScalingMembersAreInstancesOfTheStackThatNameTheirGroup() {
        Set<String> groups = ids(AUTO_SCALING_GROUP, StackWorld.PRIMARY);
        List<StackResource> members = inventory.ofKind(INSTANCE, StackWorld.PRIMARY).stream()
                .filter(i -> i.attribute(Attributes.AUTO_SCALING_GROUP) != null).toList();
        assertThat(members).extracting(i -> i.attribute(Attributes.AUTO_SCALING_GROUP)).contains("dr-x-asg")
                .allSatisfy(group -> assertThat(groups).contains(group));
        assertThat(inventory.ofKind(INSTANCE, StackWorld.PRIMARY)).extracting(StackResource::id)
                .contains(world.dr.albs().get(StackWorld.PRIMARY).instanceId());
    }

    @Test
    void publicZoneRecordsAreTheOnesThatPointAtTheStack() {
        List<String> names = inventory.ofKind(RECORD_SET).stream()
                .filter(r -> r.attribute(Attributes.ZONE_NAME).equals("example.com."))
                .map(r -> r.attribute(Attributes.RECORD_NAME) + " " + r.attribute(Attributes.RECORD_TYPE)).toList();
        assertThat(names).contains("api.example.com. A", "app.example.com. A")
                .anyMatch(n -> n.startsWith("_") && n.endsWith(" CNAME"))
                .noneMatch(n -> n.contains("other.example.com"));
        assertThat(names.stream().filter(n -> n.equals("api.example.com. A"))).hasSize(2);
    }

    @Test
    void aRecordOfTheOperatorUnderTheStacksNameThatDoesNotPointAtTheStackIsNotListed() {
        world.addOperatorRecord();

        Inventory again = world.inventory(StackWorld.STACK);

        assertThat(again.ofKind(RECORD_SET)).noneMatch(r -> "TXT".equals(r.attribute(Attributes.RECORD_TYPE)));
        assertThat(again.ofKind(RECORD_SET)).hasSameSizeAs(inventory.ofKind(RECORD_SET));
    }

    @Test
    void cloudFrontsCertificateIsFoundInUsEast1EvenWhenNeitherStackRegionIsUsEast1() {
        var cloud = new dr.regions.inmemory.InMemoryCloud(dr.regions.inmemory.SandboxAccount.create());
        String arn = cloud.acm(Regions.GLOBAL_EDGE).requestCertificate(r -> r.domainName("app.example.com")
                .validationMethod("DNS").tags(t -> t.key("dr:stack").value("eu"), t -> t.key("dr:role")
                        .value("edge-certificate"))).certificateArn();
        cloud.acm(Regions.GLOBAL_EDGE).requestCertificate(r -> r.domainName("app.example.com")
                .validationMethod("DNS"));

        Inventory eu = new StackInventory(cloud, "eu").scan("eu-west-1", "eu-central-1");

        assertThat(eu.resources()).singleElement().satisfies(cert -> {
            assertThat(cert.id()).isEqualTo(arn);
            assertThat(cert.region()).isEqualTo(Regions.GLOBAL_EDGE);
            assertThat(cert.role()).isEqualTo("edge-certificate");
        });
        assertThat(cloud.world().calls().all()).filteredOn(c -> c.region().equals(Regions.GLOBAL_EDGE))
                .extracting(c -> c.service()).containsOnly("acm", "wafv2");
    }

    @Test
    void nothingOfAnotherStackNorAnythingUntaggedIsListed() {
        Inventory other = world.inventory(StackWorld.OTHER);
        Set<String> mine = inventory.resources().stream().map(StackResource::id).collect(Collectors.toSet());
        Set<String> theirs = other.resources().stream().map(StackResource::id).collect(Collectors.toSet());
        assertThat(theirs).isNotEmpty();
        assertThat(mine).doesNotContainAnyElementsOf(theirs);
        assertThat(mine).doesNotContainAnyElementsOf(world.untaggedVpcs.values())
                .doesNotContainAnyElementsOf(world.untaggedGroups.values());
        assertThat(other.ofKind(DISTRIBUTION)).extracting(StackResource::id)
                .contains(world.other.distributionId()).doesNotContain(world.dr.distributionId());
    }

    @Test
    void theScanMakesNoMutatingCall() {
        long before = world.cloud.world().calls().mutating();
        world.inventory(StackWorld.STACK);
        assertThat(world.cloud.world().calls().mutating()).isEqualTo(before);
    }

    @Test
    void anUnreachableRegionIsNamedAndTheOtherRegionIsStillListed() {
        world.cloud.world().faults().regionUnreachable(StackWorld.DR);
        Inventory partial = world.inventory(StackWorld.STACK);
        assertThat(partial.complete()).isFalse();
        assertThat(partial.unreachable()).containsOnlyKeys(StackWorld.DR);
        assertThat(partial.in(StackWorld.DR)).isEmpty();
        assertThat(partial.ofKind(VPC, StackWorld.PRIMARY)).hasSize(1);
    }

    @Test
    void withThePrimaryRegionUsEast1DownTheDrRegionIsStillListedAndTheGlobalApisAreNamedUnreachable() {
        world.cloud.world().faults().regionUnreachable(StackWorld.PRIMARY);
        Inventory partial = world.inventory(StackWorld.STACK);
        assertThat(partial.unreachable()).as("Route 53 and CloudFront run their APIs in us-east-1")
                .containsOnlyKeys(StackWorld.PRIMARY, "global");
        assertThat(partial.in(StackWorld.PRIMARY)).isEmpty();
        assertThat(partial.ofKind(DB_INSTANCE, StackWorld.DR)).hasSize(1);
        assertThat(partial.ofKind(HOSTED_ZONE)).isEmpty();
        assertThat(partial.ofKind(DISTRIBUTION)).isEmpty();
        assertThat(partial.ofKind(WEB_ACL)).isEmpty();
        assertThat(world.cloud.world().calls().all()).filteredOn(c -> c.region().equals(StackWorld.PRIMARY))
                .allSatisfy(c -> assertThat(c.mutating()).isFalse());
    }

    @Test
    void theJsonFormListsEachResourceWithTypeIdRoleAndState() {
        var json = inventory.toJson();
        assertThat(json.get("stack").asText()).isEqualTo("dr");
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("resources").size()).isEqualTo(inventory.size());
        Map<String, Integer> counts = inventory.countsByRegion();
        assertThat(counts).containsKeys(StackWorld.PRIMARY, StackWorld.DR, StackResource.GLOBAL);
        assertThat(json.get("resources").get(0).has("type")).isTrue();
    }
}
