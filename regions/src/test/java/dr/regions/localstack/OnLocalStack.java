package dr.regions.localstack;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs against {@link LocalStackImage#IMAGE}. It is skipped, with the reason printed, when the
 * image does not serve one of {@link #services()}, when the image needs an auth token that is not set, or when no
 * Docker engine answers. Skipped, never passed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("localstack")
@ExtendWith(LocalStackCondition.class)
public @interface OnLocalStack {
    /** LocalStack service names the test calls, e.g. {@code ec2}, {@code route53}, {@code rds}. */
    String[] services();
}
