package dr.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house rules every module keeps, read from its compiled classes (not its tests): each module's
 * {@code ArchitectureTest} extends this with its root package and adds its own rules. The cli's
 * {@code ArchitectureRulesFailTest} shows that the rules report a deliberately broken class. One instance per test
 * class, so that the classes are read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitectureTest {
    /** Every package is its own slice: no two packages of a module depend on each other. */
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dr.(**)").should().beFreeOfCycles();

    /** AWS is the regions module's business: a module that only passes clients along imports no SDK type. */
    public static final ArchRule NO_AWS_SDK = noClasses().should().dependOnClassesThat()
            .resideInAPackage("software.amazon.awssdk..");

    /** The in-memory cloud is a plug-in: the cli's sandbox session hands out its clients and data plane. */
    public static final String IN_MEMORY_CLOUD = "dr.regions.inmemory..";

    protected final JavaClasses classes;

    protected ModuleArchitectureTest(String rootPackage) {
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(classes);
    }
}
