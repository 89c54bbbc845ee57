package dr.runbooks;

import com.tngtech.archunit.lang.ArchRule;
import dr.core.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The runbooks' house rules: no package cycles (the runbook model never depends on its actions; {@code builtin}
 * assembles), and no use of the in-memory cloud.
 */
class ArchitectureTest extends ModuleArchitectureTest {
    static final ArchRule noInMemoryCloud = noClasses().should().dependOnClassesThat().resideInAPackage(IN_MEMORY_CLOUD);

    ArchitectureTest() {
        super("dr.runbooks");
    }

    @Test
    void noInMemoryCloud() {
        noInMemoryCloud.check(classes);
    }
}
