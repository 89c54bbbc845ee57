package dr.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** A test of dr commands: each test method gets a fresh runner over a fresh sandbox, in its own temporary directory. */
abstract class DrCommandTest {
    @TempDir
    Path temp;
    DrRunner dr;

    @BeforeEach
    void newRunner() {
        dr = new DrRunner(temp);
    }
}
