package dr.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dr.cli.archdemo.left.Left;
import dr.cli.archdemo.right.Right;
import dr.cli.commands.DeliberatelyBrokenCommand;
import dr.cli.commands.StatusCommand;
import dr.core.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The architecture rules are not vacuous: each one below reports a deliberately broken test-only class, by name,
 * and passes on a class that keeps the rule.
 */
class ArchitectureRulesFailTest {
    private static final JavaClasses BROKEN = new ClassFileImporter().importClasses(DeliberatelyBrokenCommand.class);
    private static final JavaClasses KEEPS_THE_RULES = new ClassFileImporter().importClasses(StatusCommand.class);

    @Test
    void aCommandThatCallsEc2IsReported() {
        assertReports(ArchitectureTest.commandsDoNotCallAws, "DeliberatelyBrokenCommand.vpcs()", "AwsClients.ec2(");
    }

    @Test
    void aCommandThatImportsTheSdkIsReported() {
        assertReports(ModuleArchitectureTest.NO_AWS_SDK, "DeliberatelyBrokenCommand",
                "software.amazon.awssdk.services.ec2");
    }

    @Test
    void aCommandThatImportsTheInMemoryCloudIsReported() {
        assertReports(ArchitectureTest.onlyTheSandboxSessionUsesTheFake, "DeliberatelyBrokenCommand",
                "dr.regions.inmemory.InMemoryCloud");
    }

    @Test
    void twoPackagesThatImportEachOtherAreACycle() {
        JavaClasses cycle = new ClassFileImporter().importClasses(Left.class, Right.class);
        EvaluationResult result = ModuleArchitectureTest.NO_PACKAGE_CYCLES.evaluate(cycle);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("Cycle detected").contains("archdemo.left").contains("archdemo.right");
        assertThat(ModuleArchitectureTest.NO_PACKAGE_CYCLES.evaluate(new ClassFileImporter().importClasses(Left.class))
                .hasViolation()).isFalse();
    }

    private static void assertReports(ArchRule rule, String offender, String what) {
        EvaluationResult result = rule.evaluate(BROKEN);
        List<String> details = result.getFailureReport().getDetails();

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(details).anySatisfy(line -> assertThat(line).contains(offender).contains(what));
        assertThat(rule.evaluate(KEEPS_THE_RULES).hasViolation()).as("a command that keeps the rule").isFalse();
    }
}
