package dr.regions.localstack;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether an {@link OnLocalStack} class can run, cheapest check first: services the pinned image serves,
 * then the auth token, then a Docker engine. A skip is printed on stdout, so the build log says why.
 */
final class LocalStackCondition implements ExecutionCondition {
    private static volatile Boolean dockerAvailable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<OnLocalStack> annotation = AnnotationSupport.findAnnotation(context.getElement(), OnLocalStack.class);
        if (annotation.isEmpty() || context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Optional<String> reason = reasonToSkip(List.of(annotation.get().services()));
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("LocalStack " + LocalStackImage.IMAGE + " is available");
        }
        String message = "LocalStack tests skipped: " + reason.get();
        System.out.println("[" + context.getRequiredTestClass().getSimpleName() + "] " + message);
        return ConditionEvaluationResult.disabled(message);
    }

    static Optional<String> reasonToSkip(List<String> services) {
        String image = LocalStackImage.IMAGE;
        List<String> missing = services.stream().filter(s -> !LocalStackImage.services(image).contains(s)).toList();
        if (!missing.isEmpty()) {
            return Optional.of(String.join(", ", missing) + " not served by " + image
                    + " (LocalStack Pro only; the in-memory cloud tests cover it)");
        }
        if (LocalStackImage.requiresAuthToken(image) && authToken().isEmpty()) {
            return Optional.of(image + " requires " + LocalStackImage.AUTH_TOKEN_VARIABLE + ", which is not set");
        }
        if (!dockerAvailable()) {
            return Optional.of("no Docker engine");
        }
        return Optional.empty();
    }

    static Optional<String> authToken() {
        return Optional.ofNullable(System.getenv(LocalStackImage.AUTH_TOKEN_VARIABLE)).filter(t -> !t.isBlank());
    }

    private static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            synchronized (LocalStackCondition.class) {
                if (dockerAvailable == null) {
                    dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
                }
            }
        }
        return dockerAvailable;
    }
}
