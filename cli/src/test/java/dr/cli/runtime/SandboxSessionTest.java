package dr.cli.runtime;

import dr.core.DrException;
import dr.core.ExitCode;
import dr.core.clock.SystemClock;
import dr.regions.aws.SdkAwsClients;
import dr.regions.inmemory.InMemoryCloud;
import dr.regions.inmemory.SandboxAccount;
import dr.regions.inmemory.SandboxStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxSessionTest {
    @TempDir
    Path temp;

    @Test
    void aNewSandboxIsAFreshAccountSavedWhenTheCommandEnds() {
        Path file = temp.resolve(".dr/sandbox.json");

        try (CloudSession session = ClientsFactory.standard().open(Connection.sandbox(file))) {
            assertThat(session.clients()).isInstanceOf(InMemoryCloud.class);
            InMemoryCloud cloud = (InMemoryCloud) session.clients();
            assertThat(session.clock()).isSameAs(cloud.world().clock());
            assertThat(SandboxStore.toJson(cloud.world())).as("the account's public zone")
                    .contains(SandboxAccount.PUBLIC_DOMAIN);
            assertThat(file).doesNotExist();
        }

        assertThat(file).exists();
    }

    @Test
    void theNextCommandContinuesFromTheSavedWorldAndItsModeledTime() {
        Path file = temp.resolve("sandbox.json");
        SandboxSession first = SandboxSession.open(file);
        first.world().clock().advance(Duration.ofMinutes(42));
        String id = first.world().ids.next("vpc");
        first.close();

        SandboxSession second = SandboxSession.open(file);

        assertThat(second.clock().now()).isEqualTo(first.clock().now());
        assertThat(second.world().ids.next("vpc")).as("ids continue").isNotEqualTo(id);
    }

    @Test
    void aCorruptSandboxFileIsBadInputThatSaysHowToStartOver() throws IOException {
        Path file = Files.writeString(temp.resolve("sandbox.json"), "{ not json");

        assertThatThrownBy(() -> SandboxSession.open(file))
                .isInstanceOf(DrException.class)
                .hasMessageStartingWith("sandbox file " + file + " cannot be read")
                .hasMessageEndingWith("nothing was changed: fix it, or move it aside to start a new sandbox")
                .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void aFileHoldingNullOrAnEmptyObjectIsBadInputAndStaysUntouched() throws IOException {
        for (String content : new String[] {"null", "{}", "[]", "42"}) {
            Path file = Files.writeString(temp.resolve("sandbox.json"), content);

            assertThatThrownBy(() -> SandboxSession.open(file))
                    .isInstanceOf(DrException.class)
                    .hasMessageContaining("holds no saved sandbox")
                    .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    @Test
    void aReadOnlySessionNeitherCreatesNorRewritesTheFile() throws IOException {
        Path missing = temp.resolve("none/sandbox.json");
        SandboxSession.open(missing, true).close();
        assertThat(missing.getParent()).doesNotExist();

        Path file = temp.resolve("sandbox.json");
        SandboxSession.open(file).close();
        String saved = Files.readString(file);
        var modified = Files.getLastModifiedTime(file);
        SandboxSession reader = SandboxSession.open(file, true);
        reader.world().clock().advance(Duration.ofHours(1));
        reader.close();

        assertThat(Files.readString(file)).isEqualTo(saved);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    }

    @Test
    void aSecondSessionThatChangesTheSameFileIsRefusedWhileTheFirstRuns() {
        Path file = temp.resolve("sandbox.json");
        SandboxSession first = SandboxSession.open(file);

        assertThatThrownBy(() -> SandboxSession.open(file))
                .isInstanceOf(DrException.class)
                .hasMessage("sandbox file " + file + " is in use by another dr command that changes it; run this one "
                        + "when that has finished")
                .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.FAILED));
        SandboxSession.open(file, true).close();

        first.close();
        SandboxSession.open(file).close();
    }

    @Test
    void aStateThatCannotBeWrittenIsFoundBeforeTheCommandRuns() throws IOException {
        Path notAFolder = Files.writeString(temp.resolve("plain-file"), "x");

        assertThatThrownBy(() -> SandboxSession.open(notAFolder.resolve("sandbox.json")))
                .isInstanceOf(DrException.class)
                .hasMessageContaining("cannot be written")
                .hasMessageNotContaining("delete")
                .satisfies(e -> assertThat(((DrException) e).exitCode()).isEqualTo(ExitCode.BAD_INPUT));
    }

    @Test
    void savingLeavesNoTemporaryFileAndTheStateIsPrivate() throws IOException {
        Path file = temp.resolve("sandbox.json");
        SandboxSession.open(file).close();

        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sandbox.json",
                    "sandbox.json.lock");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void everyCallTheCloudAcceptedIsInTheFileBeforeItReturnsNotOnlyWhenTheCommandEnds() throws IOException {
        Path file = temp.resolve("sandbox.json");
        SandboxSession session = SandboxSession.open(file);
        InMemoryCloud cloud = (InMemoryCloud) session.clients();

        String vpc = cloud.ec2("eu-west-1").createVpc(r -> r.cidrBlock("10.99.0.0/16")).vpc().vpcId();

        assertThat(new SandboxStore(file).load().region("eu-west-1").ec2.vpcs).as("saved before the command ended")
                .containsKey(vpc);
        assertThat(Files.readString(file)).isEqualTo(SandboxStore.toJson(session.world()));
        cloud.ec2("eu-west-1").describeVpcs();
        session.close();
        assertThat(new SandboxStore(file).load().region("eu-west-1").ec2.vpcs).containsKey(vpc);
    }

    @Test
    void aReadOnlySessionWritesNothingEvenAfterACall() throws IOException {
        Path file = temp.resolve("sandbox.json");
        SandboxSession.open(file).close();
        String before = Files.readString(file);
        SandboxSession reader = SandboxSession.open(file, true);

        ((InMemoryCloud) reader.clients()).ec2("eu-west-1").createVpc(r -> r.cidrBlock("10.98.0.0/16"));

        assertThat(Files.readString(file)).as("a read-only command's session never writes").isEqualTo(before);
        reader.close();
    }

    @Test
    void whatAKilledSaveLeftBesideTheFileIsRemovedByTheNextCommandThatChangesIt() throws IOException {
        Path file = temp.resolve("sandbox.json");
        SandboxSession.open(file).close();
        String saved = Files.readString(file);
        Path unfinished = new SandboxStore(file).unfinishedSave();
        Files.writeString(unfinished, "{\"now\": \"2026-"); // the process died while writing it

        assertThat(SandboxSession.open(file, true).world()).as("a reader is not disturbed by it").isNotNull();
        assertThat(unfinished).as("only the process holding the lock may remove it").exists();
        SandboxSession writer = SandboxSession.open(file);

        assertThat(unfinished).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo(saved);
        writer.close();
    }

    @Test
    void realAwsUsesTheSdkClientsAndTheWallClockWithoutConnecting() {
        Connection connection = Connection.aws(Optional.of("prod"), Optional.of(URI.create("http://localhost:4566")));

        try (CloudSession session = ClientsFactory.standard().open(connection)) {
            assertThat(session.clients()).isInstanceOf(SdkAwsClients.class);
            assertThat(session.clock()).isInstanceOf(SystemClock.class);
        }
    }
}
