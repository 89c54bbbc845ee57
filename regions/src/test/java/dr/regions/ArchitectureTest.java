package dr.regions;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The regions module's house rules, read from its compiled classes (not its tests). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dr.regions");

    /**
     * Every package is its own slice. Capability packages depend one way (network, security, topology, database,
     * identity, backup, images), only plan assembly depends on them all, and inside the fake cloud the service fakes
     * depend on what they share ({@code inmemory.world}) while the root only assembles them.
     */
    static final ArchRule noPackageCycles = slices().matching("dr.(**)").should().beFreeOfCycles();

    /** The in-memory cloud is a plug-in: production code reaches it only through AwsClients and DataPlane. */
    static final ArchRule onlyTheFakeUsesTheFake = noClasses().that().resideOutsideOfPackage("dr.regions.inmemory..")
            .should().dependOnClassesThat().resideInAPackage("dr.regions.inmemory..");

    @Test
    void noPackageCycles() {
        noPackageCycles.check(CLASSES);
    }

    @Test
    void onlyTheFakeUsesTheFake() {
        onlyTheFakeUsesTheFake.check(CLASSES);
    }
}
