package dr.cli;

import com.tngtech.archunit.lang.ArchRule;
import dr.core.ModuleArchitectureTest;
import dr.regions.aws.AwsClients;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The cli's house rules; {@link ArchitectureRulesFailTest} shows they bite. No package cycles: commands use runtime
 * and output; output uses runtime, never the reverse. No AWS SDK type: the cli passes clients along, never builds or
 * calls one.
 */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The one class that may know the in-memory cloud: it loads the sandbox file and hands its clients out. */
    static final String SANDBOX_WIRING = "dr.cli.runtime.SandboxSession";

    /** A command builds a context, makes one call into regions or runbooks, prints: it does not call AWS itself. */
    static final ArchRule commandsDoNotCallAws = noClasses().that().resideInAPackage("dr.cli.commands..")
            .should().accessClassesThat().areAssignableTo(AwsClients.class)
            .orShould().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    /** The in-memory cloud is a plug-in: only the sandbox session wires it in. */
    static final ArchRule onlyTheSandboxSessionUsesTheFake = noClasses().that()
            .doNotHaveFullyQualifiedName(SANDBOX_WIRING)
            .should().dependOnClassesThat().resideInAPackage(IN_MEMORY_CLOUD);

    ArchitectureTest() {
        super("dr.cli");
    }

    @Test
    void noAwsSdk() {
        NO_AWS_SDK.check(classes);
    }

    @Test
    void commandsDoNotCallAws() {
        commandsDoNotCallAws.check(classes);
    }

    @Test
    void onlyTheSandboxSessionUsesTheFake() {
        onlyTheSandboxSessionUsesTheFake.check(classes);
    }
}
