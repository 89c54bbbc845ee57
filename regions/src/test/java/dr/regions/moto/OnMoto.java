package dr.regions.moto;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs against moto server, an AWS emulator written by others ({@link MotoExtension}): one server
 * per test run (or {@code DR_EMULATOR_ENDPOINT}), reset before every test. Without python3 or the moto package the
 * class is skipped with the reason printed. Skipped, never passed. Test methods may take a {@link Moto} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("moto")
@ExtendWith(MotoExtension.class)
public @interface OnMoto {
}
