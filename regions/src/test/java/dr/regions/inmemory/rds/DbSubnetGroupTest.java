package dr.regions.inmemory.rds;

import dr.core.model.ModeledDurations;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSubnetGroup;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupAlreadyExistsException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupDoesNotCoverEnoughAZsException;
import software.amazon.awssdk.services.rds.model.DbSubnetGroupNotFoundException;
import software.amazon.awssdk.services.rds.model.InvalidDbSubnetGroupStateException;
import software.amazon.awssdk.services.rds.model.InvalidSubnetException;
import software.amazon.awssdk.services.rds.model.Subnet;
import software.amazon.awssdk.services.rds.model.Tag;

import static dr.regions.inmemory.rds.RdsFixture.PRIMARY;
import static dr.regions.inmemory.rds.RdsFixture.SUBNET_GROUP;
import static dr.regions.inmemory.rds.RdsFixture.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbSubnetGroupTest {
    private final RdsFixture fixture = new RdsFixture();
    private final RdsClient rds = fixture.rds(PRIMARY);

    @Test
    void aSubnetGroupOverTwoZonesIsDescribedWithItsVpcZonesAndTags() {
        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("Tagged-DB").dbSubnetGroupDescription("tagged")
                .subnetIds(fixture.primary.subnetA(), fixture.primary.subnetB())
                .tags(Tag.builder().key("dr:stack").value("shop").build()));

        DBSubnetGroup group = rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("tagged-db")).dbSubnetGroups().get(0);

        assertThat(group.dbSubnetGroupName()).isEqualTo("tagged-db");
        assertThat(group.vpcId()).isEqualTo(fixture.primary.vpcId());
        assertThat(group.dbSubnetGroupArn()).isEqualTo("arn:aws:rds:us-east-1:123456789012:subgrp:tagged-db");
        assertThat(group.subnets()).extracting(s -> s.subnetAvailabilityZone().name())
                .containsExactly("us-east-1a", "us-east-1b");
        assertThat(group.subnets()).extracting(Subnet::subnetIdentifier)
                .containsExactly(fixture.primary.subnetA(), fixture.primary.subnetB());
        assertThat(rds.listTagsForResource(r -> r.resourceName(group.dbSubnetGroupArn())).tagList())
                .containsExactly(Tag.builder().key("dr:stack").value("shop").build());
    }

    @Test
    void aSubnetGroupInOneZoneIsRefusedAndAcceptedOnceItCoversTwo() {
        assertRefused(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("one-zone")
                        .dbSubnetGroupDescription("d").subnetIds(fixture.primary.subnetA())),
                DbSubnetGroupDoesNotCoverEnoughAZsException.class, "DBSubnetGroupDoesNotCoverEnoughAZs", 400);

        rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("one-zone").dbSubnetGroupDescription("d")
                .subnetIds(fixture.primary.subnetA(), fixture.primary.subnetB()));

        assertThat(rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("one-zone")).dbSubnetGroups()).hasSize(1);
    }

    @Test
    void anUnknownSubnetIsRefused() {
        assertRefused(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("bad").dbSubnetGroupDescription("d")
                        .subnetIds(fixture.primary.subnetA(), "subnet-0123456789abcdef0")),
                InvalidSubnetException.class, "InvalidSubnet", 400);
    }

    @Test
    void aSecondGroupWithTheSameNameIsRefused() {
        assertRefused(() -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName(SUBNET_GROUP)
                        .dbSubnetGroupDescription("again")
                        .subnetIds(fixture.primary.subnetA(), fixture.primary.subnetB())),
                DbSubnetGroupAlreadyExistsException.class, "DBSubnetGroupAlreadyExists", 400);
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertRefused(() -> rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("nope")),
                DbSubnetGroupNotFoundException.class, "DBSubnetGroupNotFoundFault", 404);
        assertRefused(() -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("nope")),
                DbSubnetGroupNotFoundException.class, "DBSubnetGroupNotFoundFault", 404);
    }

    @Test
    void aGroupUsedByADatabaseCannotBeDeletedUntilTheDatabaseIsGone() {
        fixture.createPrimary("shop", r -> r.deletionProtection(false));

        assertRefused(() -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(SUBNET_GROUP)),
                InvalidDbSubnetGroupStateException.class, "InvalidDBSubnetGroupStateFault", 400);

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true));
        assertRefused(() -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(SUBNET_GROUP)),
                InvalidDbSubnetGroupStateException.class, "InvalidDBSubnetGroupStateFault", 400);

        fixture.advance(ModeledDurations.RDS_DELETE);
        rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName(SUBNET_GROUP));

        assertThat(rds.describeDBSubnetGroups().dbSubnetGroups()).isEmpty();
    }

    @Test
    void theDatabaseKeepsItsSubnetsAndSecurityGroupFromBeingDeletedInEc2() {
        fixture.createPrimary("shop", r -> r.deletionProtection(false));
        var ec2 = fixture.cloud.ec2(PRIMARY);

        assertThatThrownBy(() -> ec2.deleteSecurityGroup(r -> r.groupId(fixture.primary.securityGroupId())))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                        .isEqualTo("DependencyViolation"));
        assertThatThrownBy(() -> ec2.deleteSubnet(r -> r.subnetId(fixture.primary.subnetA())))
                .isInstanceOf(Ec2Exception.class)
                .satisfies(e -> assertThat(((Ec2Exception) e).awsErrorDetails().errorCode())
                        .isEqualTo("DependencyViolation"));

        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true));
        fixture.advance(ModeledDurations.RDS_DELETE);
        rds.describeDBInstances();

        ec2.deleteSecurityGroup(r -> r.groupId(fixture.primary.securityGroupId()));
        ec2.deleteSubnet(r -> r.subnetId(fixture.primary.subnetA()));
    }
}
