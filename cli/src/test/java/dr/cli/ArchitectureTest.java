package dr.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dr.regions.aws.AwsClients;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The cli's house rules, read from its compiled classes (not its tests); {@link ArchitectureRulesFailTest} shows they bite. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dr.cli");

    /** The one class that may know the in-memory cloud: it loads the sandbox file and hands its clients out. */
    static final String SANDBOX_WIRING = "dr.cli.runtime.SandboxSession";

    /** Every package is its own slice: commands use runtime and output; output uses runtime, never the reverse. */
    static final ArchRule noPackageCycles = slices().matching("dr.(**)").should().beFreeOfCycles();

    /** AWS is the regions module's business: the cli passes clients along, never builds or calls an SDK type. */
    static final ArchRule noAwsSdk = noClasses().should().dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..");

    /** A command builds a context, makes one call into regions or runbooks, prints: it does not call AWS itself. */
    static final ArchRule commandsDoNotCallAws = noClasses().that().resideInAPackage("dr.cli.commands..")
            .should().accessClassesThat().areAssignableTo(AwsClients.class)
            .orShould().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..");

    /** The in-memory cloud is a plug-in: only the sandbox session wires it in. */
    static final ArchRule onlyTheSandboxSessionUsesTheFake = noClasses().that()
            .doNotHaveFullyQualifiedName(SANDBOX_WIRING)
            .should().dependOnClassesThat().resideInAPackage("dr.regions.inmemory..");

    @Test
    void noPackageCycles() {
        noPackageCycles.check(CLASSES);
    }

    @Test
    void noAwsSdk() {
        noAwsSdk.check(CLASSES);
    }

    @Test
    void commandsDoNotCallAws() {
        commandsDoNotCallAws.check(CLASSES);
    }

    @Test
    void onlyTheSandboxSessionUsesTheFake() {
        onlyTheSandboxSessionUsesTheFake.check(CLASSES);
    }
}
