package dr.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Filter;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code provision --web-image/--app-image} as a user types it: bad ids, images EC2 does not have, the dry run. */
class OwnImagesCommandTest {
    private static final String[] PROVISION = {"provision", "--primary", "us-east-1", "--dr", "us-west-2", "--sandbox"};

    @TempDir
    Path temp;

    private DrRunner.Result provision(DrRunner dr, String... extra) {
        return dr.run(Arguments.join(PROVISION, extra));
    }

    /** Amazon's public base image in us-east-1 stands for a team's AMI (any image the account may copy will do). */
    private static String baseImage(DrRunner dr, String region) {
        return dr.cloud.ec2(region).describeImages(r -> r.owners("amazon")
                .filters(Filter.builder().name("name").values("al2023-ami-*-x86_64").build())).images().get(0)
                .imageId();
    }

    @Test
    void aMalformedAmiIdIsRefusedBeforeAnyAwsCall() {
        DrRunner dr = new DrRunner(temp);
        dr.assertRejected(provision(dr, "--web-image", "ami-12345"), "--web-image: 'ami-12345' is not an AMI id: "
                + "ami- and 8 or 17 lower-case hex digits (e.g. ami-0123456789abcdef0)");
    }

    @Test
    void aMalformedAmiIdInTheConfigFileIsRefusedNamingItsLine() {
        DrRunner dr = new DrRunner(temp);
        dr.file("dr.yaml", "app-image: ami-XYZ\n");
        dr.assertRejected(provision(dr), "dr.yaml line 1 (app-image): 'ami-XYZ' is not an AMI id");
    }

    @Test
    void anImageThePrimaryRegionDoesNotHaveIsRefusedWithOneLineAndNothingCreated() {
        DrRunner dr = new DrRunner(temp);
        String otherRegions = baseImage(dr, "us-west-2");
        String primarys = baseImage(dr, "us-east-1");
        DrRunner.Mark before = dr.mark();

        DrRunner.Result result = provision(dr, "--web-image", primarys, "--app-image", otherRegions);

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().isEqualTo("dr: --app-image " + otherRegions + ": no such image "
                + "in us-east-1 (the primary region), or not one this account may use");
        assertThat(dr.changesBesideTheLockSince(before)).as("calls that change the cloud").isEmpty();
    }

    @Test
    void theDryRunShowsTheCopiesAndNoBuilders() {
        DrRunner dr = new DrRunner(temp);
        String image = baseImage(dr, "us-east-1");

        DrRunner.Result result = provision(dr, "--web-image", image, "--app-image", image, "--dry-run");

        dr.assertSucceeded(result);
        assertThat(result.out()).doesNotContain("builder-web", "builder-app", "backup-selection", "backup-role")
                .contains("image-web", "image-app")
                .contains("Note: web image " + image + " given: no builder instance or AWS Backup image job; EC2 "
                        + "CopyImage copies it to us-west-2 (encrypted with the default EBS key)");
    }
}
