package dr.regions.moto;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link OnMoto} classes: skips them with the reason when moto cannot run here; otherwise starts one server for
 * the whole run (kept in the root store, which closes it when the run ends), resets it before each test, sets the
 * static test credentials for the class, and hands tests a {@link Moto}.
 */
public final class MotoExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MotoExtension.class);
    private static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";
    private static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";
    private static volatile Optional<String> skipReason;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        Optional<String> reason = skipReason();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("moto is available");
        }
        String message = "moto tests skipped: " + reason.get();
        System.out.println("[" + context.getRequiredTestClass().getSimpleName() + "] " + message);
        return ConditionEvaluationResult.disabled(message);
    }

    private static Optional<String> skipReason() {
        if (skipReason == null) {
            synchronized (MotoExtension.class) {
                if (skipReason == null) {
                    skipReason = MotoServer.reasonToSkip();
                }
            }
        }
        return skipReason;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
        Map<String, Optional<String>> previous = new LinkedHashMap<>();
        previous.put(ACCESS_KEY_PROPERTY, Optional.ofNullable(System.getProperty(ACCESS_KEY_PROPERTY)));
        previous.put(SECRET_KEY_PROPERTY, Optional.ofNullable(System.getProperty(SECRET_KEY_PROPERTY)));
        context.getStore(NAMESPACE).put("credentials", previous);
        System.setProperty(ACCESS_KEY_PROPERTY, Moto.ACCESS_KEY);
        System.setProperty(SECRET_KEY_PROPERTY, Moto.SECRET_KEY);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterAll(ExtensionContext context) {
        Map<String, Optional<String>> previous = context.getStore(NAMESPACE).remove("credentials", Map.class);
        if (previous != null) {
            previous.forEach((property, value) -> value.ifPresentOrElse(
                    v -> System.setProperty(property, v), () -> System.clearProperty(property)));
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Moto.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Moto(server(context));
    }

    private static MotoServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MotoServer.class, key -> MotoServer.start(), MotoServer.class);
    }
}
