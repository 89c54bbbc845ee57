package dr.runbooks.actions.promote;

import dr.core.DrException;
import dr.core.engine.DurationFormat;
import dr.core.engine.StepResult;
import dr.regions.promotion.ServingCheck;
import dr.regions.promotion.ServingCheck.Observation;
import dr.regions.promotion.ServingCheck.TierView;
import dr.runbooks.step.ActionContext;
import dr.runbooks.step.RunbookAction;
import dr.runbooks.step.Waited;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Looks, through the data planes only ({@link ServingCheck}), until users are served from DR, at most {@code wait}.
 * Not there by then: a {@code required} check fails the run, any other is done saying so (traffic may still move
 * with the global steps after it); a look that is not required and cannot be made is done too, as not observed. Each tier's first time seen on DR is kept as {@value #ON_DR_SINCE}: the
 * report's "users served from DR" times.
 */
final class ServingTask implements RunbookAction {
    static final String ON_DR_SINCE = "onDrSince";
    static final Duration POLL = Duration.ofSeconds(15);

    private final ServingCheck check;
    private final Duration wait;
    private final boolean required;
    private final Map<String, Instant> firstOnDr = new HashMap<>();
    private final Waited waited = new Waited();

    ServingTask(ServingCheck check, Duration wait, boolean required) {
        this.check = check;
        this.wait = wait;
        this.required = required;
    }

    @Override
    public StepResult execute(ActionContext context) {
        Instant now = context.clock().now();
        Duration waitedSoFar = waited.until(now);
        Observation seen;
        try {
            seen = check.observe(now);
        } catch (RuntimeException error) {
            if (required || error instanceof AwsServiceException service && service.isThrottlingException()) {
                throw error;
            }
            // a look that is not required must never hold back what comes after it (DR's capacity)
            return StepResult.ran("not observed: " + error.getMessage(), Map.of("observed", false,
                    "servedFromDr", false));
        }
        if (seen.tiers().isEmpty()) {
            return StepResult.ran("not observed: the stack has no domain, so users reach the load balancers by "
                    + "name and nothing routes them", Map.of("observed", false, "servedFromDr", false));
        }
        seen.tiers().stream().filter(TierView::onDr).forEach(t -> firstOnDr.putIfAbsent(t.tier(), now));
        String tiers = seen.tiers().stream().map(t -> t.tier() + " " + t.host() + ": " + t.seen())
                .collect(Collectors.joining("; "));
        if (seen.allOnDr()) {
            return StepResult.ran("users served from DR: " + tiers, outputs(seen, true));
        }
        if (waitedSoFar.compareTo(wait) < 0) {
            return StepResult.waiting("not yet all on DR: " + tiers, POLL);
        }
        String notYet = "users are not all served from DR" + (wait.isZero() ? "" : " after "
                + DurationFormat.compact(waitedSoFar)) + ": " + tiers;
        if (required) {
            throw DrException.failed(notYet);
        }
        return StepResult.ran(notYet, outputs(seen, false));
    }

    private Map<String, Object> outputs(Observation seen, boolean servedFromDr) {
        Map<String, Object> tiers = new LinkedHashMap<>();
        for (TierView tier : seen.tiers()) {
            Map<String, Object> view = new LinkedHashMap<>(tier.toMap());
            Instant since = firstOnDr.get(tier.tier());
            if (since != null) {
                view.put(ON_DR_SINCE, since.toString());
            }
            tiers.put(tier.tier(), view);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("observed", true);
        outputs.put("servedFromDr", servedFromDr);
        outputs.put("observedAt", seen.at().toString());
        outputs.put("tiers", tiers);
        return outputs;
    }
}
