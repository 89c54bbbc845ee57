package dr.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The core's house rules, read from its compiled classes (not its tests). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dr.core");

    /** Every package is its own slice: no two packages of the core depend on each other. */
    static final ArchRule noPackageCycles = slices().matching("dr.(**)").should().beFreeOfCycles();

    /** The engine, model and reports know nothing of AWS; the regions module talks to it. */
    static final ArchRule noAwsSdk = noClasses().should().dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..");

    @Test
    void noPackageCycles() {
        noPackageCycles.check(CLASSES);
    }

    @Test
    void noAwsSdk() {
        noAwsSdk.check(CLASSES);
    }
}
