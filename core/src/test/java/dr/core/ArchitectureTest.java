package dr.core;

import org.junit.jupiter.api.Test;

/** The core's house rules: no package cycles, and the engine, model and reports know nothing of AWS. */
class ArchitectureTest extends ModuleArchitectureTest {
    ArchitectureTest() {
        super("dr.core");
    }

    @Test
    void noAwsSdk() {
        NO_AWS_SDK.check(classes);
    }
}
