package dr.regions.inmemory.ec2;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchTemplateRulesTest extends Ec2TestSupport {
    private static final String USER_DATA =
            Base64.getEncoder().encodeToString("#!/bin/bash\nyum -y install httpd".getBytes(StandardCharsets.UTF_8));

    private String create(String name, String imageId) {
        return ec2.createLaunchTemplate(r -> r.launchTemplateName(name)
                .launchTemplateData(d -> d.imageId(imageId).instanceType("t3.micro").securityGroupIds("sg-1")
                        .userData(USER_DATA))
                .tagSpecifications(tags("launch-template", "dr:role", "web")))
                .launchTemplate().launchTemplateId();
    }

    @Test
    void aTemplateNameIsUniqueUntilTheTemplateIsDeleted() {
        String first = create("shop-web", "ami-00000000000000001");

        assertEc2Error(() -> create("shop-web", "ami-00000000000000001"),
                "InvalidLaunchTemplateName.AlreadyExistsException");

        ec2.deleteLaunchTemplate(r -> r.launchTemplateName("shop-web"));
        assertThat(create("shop-web", "ami-00000000000000001")).isNotEqualTo(first);
    }

    @Test
    void nameAndDataAreRequiredAndTheNameMustBeWellFormed() {
        assertEc2Error(() -> ec2.createLaunchTemplate(r -> r.launchTemplateName("shop-web")), "MissingParameter");
        assertEc2Error(() -> ec2.createLaunchTemplate(r -> r.launchTemplateData(d -> d.imageId("ami-1"))),
                "MissingParameter");
        assertEc2Error(() -> ec2.createLaunchTemplate(r -> r.launchTemplateName("shop web!")
                .launchTemplateData(d -> d.imageId("ami-1"))), "InvalidLaunchTemplateName.MalformedException");
        assertEc2Error(() -> ec2.createLaunchTemplate(r -> r.launchTemplateName("shop-web")
                .launchTemplateData(d -> d.userData("plain text"))), "InvalidUserData.Malformed");
    }

    @Test
    void newVersionsBuildOnASourceVersionAndTheDefaultMovesOnlyWhenAsked() {
        String templateId = create("shop-web", "ami-00000000000000001");
        LaunchTemplateVersion second = ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(templateId)
                .sourceVersion("1").versionDescription("new AMI")
                .launchTemplateData(d -> d.imageId("ami-00000000000000002"))).launchTemplateVersion();
        assertThat(second.versionNumber()).isEqualTo(2L);
        assertThat(second.defaultVersion()).isFalse();
        assertThat(second.launchTemplateData().instanceTypeAsString()).as("kept from version 1").isEqualTo("t3.micro");
        assertThat(second.launchTemplateData().userData()).isEqualTo(USER_DATA);

        assertThat(versionData(templateId, "$Default")).isEqualTo("ami-00000000000000001");
        assertThat(versionData(templateId, "$Latest")).isEqualTo("ami-00000000000000002");

        LaunchTemplate modified = ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion("2"))
                .launchTemplate();
        assertThat(modified.defaultVersionNumber()).isEqualTo(2L);
        assertThat(versionData(templateId, "$Default")).isEqualTo("ami-00000000000000002");
        assertEc2Error(() -> ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion("7")),
                "InvalidLaunchTemplateId.VersionNotFound");
    }

    private String versionData(String templateId, String version) {
        return ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions(version))
                .launchTemplateVersions().get(0).launchTemplateData().imageId();
    }

    @Test
    void allVersionsAreListedByTemplateName() {
        String templateId = create("shop-app", "ami-00000000000000001");
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(templateId)
                .launchTemplateData(d -> d.imageId("ami-00000000000000002")));

        List<LaunchTemplateVersion> versions = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("shop-app"))
                .launchTemplateVersions();

        assertThat(versions).extracting(LaunchTemplateVersion::versionNumber).containsExactly(1L, 2L);
        assertThat(versions.get(1).launchTemplateData().securityGroupIds()).as("not from a source version").isEmpty();
    }

    @Test
    void unknownTemplatesAndVersionsAreRefused() {
        assertEc2Error(() -> ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("nope")),
                "InvalidLaunchTemplateName.NotFoundException");
        assertEc2Error(() -> ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId("lt-00000000000000000")),
                "InvalidLaunchTemplateId.NotFound");
        String templateId = create("shop-web", "ami-00000000000000001");
        assertEc2Error(() -> ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions("3")),
                "InvalidLaunchTemplateId.VersionNotFound");
        assertEc2Error(() -> ec2.describeLaunchTemplates(r -> r.launchTemplateNames("nope")),
                "InvalidLaunchTemplateName.NotFoundException");
    }

    @Test
    void templatesAreFoundByTagAndName() {
        String templateId = create("shop-web", "ami-00000000000000001");
        create("shop-app", "ami-00000000000000001");

        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateNames("shop-web")).launchTemplates())
                .extracting(LaunchTemplate::launchTemplateId).containsExactly(templateId);
        assertThat(ec2.describeLaunchTemplates(r -> r.filters(filter("tag:dr:role", "web"))).launchTemplates())
                .hasSize(2);
    }

    @Test
    void theAutoScalingFakeResolvesVersionsUnproxied() {
        String templateId = create("shop-web", "ami-00000000000000001");

        LaunchTemplateVersion version = new FakeEc2(world(), REGION).describeLaunchTemplateVersions(
                DescribeLaunchTemplateVersionsRequest.builder()
                        .launchTemplateId(templateId).versions("$Default").build()).launchTemplateVersions().get(0);

        assertThat(version.launchTemplateData().securityGroupIds()).containsExactly("sg-1");
    }
}
