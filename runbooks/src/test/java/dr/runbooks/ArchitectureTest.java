package dr.runbooks;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The runbooks' house rules, read from their compiled classes (not their tests). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dr.runbooks");

    /** Every package is its own slice: the runbook model never depends on its actions ({@code builtin} assembles). */
    static final ArchRule noPackageCycles = slices().matching("dr.(**)").should().beFreeOfCycles();

    /** The in-memory cloud is a plug-in: the cli's sandbox session hands runbooks its clients and data plane. */
    static final ArchRule noInMemoryCloud = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dr.regions.inmemory..");

    @Test
    void noPackageCycles() {
        noPackageCycles.check(CLASSES);
    }

    @Test
    void noInMemoryCloud() {
        noInMemoryCloud.check(CLASSES);
    }
}
