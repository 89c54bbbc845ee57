package dr.regions;

import com.tngtech.archunit.lang.ArchRule;
import dr.core.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The regions module's house rules. No package cycles: capability packages depend one way (network, security,
 * topology, database, identity, backup, images), only plan assembly depends on them all, and inside the fake cloud the
 * service fakes depend on what they share ({@code inmemory.world}) while the root only assembles them.
 */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The in-memory cloud is a plug-in: production code reaches it only through AwsClients and DataPlane. */
    static final ArchRule onlyTheFakeUsesTheFake = noClasses().that().resideOutsideOfPackage(IN_MEMORY_CLOUD)
            .should().dependOnClassesThat().resideInAPackage(IN_MEMORY_CLOUD);

    ArchitectureTest() {
        super("dr.regions");
    }

    @Test
    void onlyTheFakeUsesTheFake() {
        onlyTheFakeUsesTheFake.check(classes);
    }
}
