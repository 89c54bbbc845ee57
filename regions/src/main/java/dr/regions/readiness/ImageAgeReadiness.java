package dr.regions.readiness;

import dr.core.engine.DurationFormat;
import dr.core.model.RegionRole;
import dr.regions.discovery.Attributes;
import dr.regions.discovery.ResourceKind;
import dr.regions.discovery.StackResource;
import dr.regions.topology.Tier;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The age of the newest web and app AMI in the DR region, from the images discovery found by the stack's tags (role
 * {@code image-<tier>}): what DR would launch from. Older than {@code maxAge} (the backup plan's period plus a margin)
 * is a failure; a tier that launches from the operator's own image ({@code --web-image}) has no such bound, its age
 * is shown only.
 */
public record ImageAgeReadiness(ReadinessScope scope, Duration maxAge) {
    static final String CHECK = "image-age";

    public List<Finding> check() {
        String region = scope.region(RegionRole.DR);
        Findings findings = new Findings(region, Verdict.FAIL);
        if (!scope.reachable(region)) {
            findings.problem(DataReadiness.BACKUP, CHECK, "cannot be read: " + region + " unreachable");
            return findings.list();
        }
        for (Tier tier : Tier.values()) {
            check(tier, region, findings);
        }
        return findings.list();
    }

    private void check(Tier tier, String region, Findings findings) {
        String check = CHECK + "-" + tier.role();
        List<Dated> images = new ArrayList<>();
        for (StackResource image : scope.all(ResourceKind.IMAGE, region)) {
            if (tier.imageRole().equals(image.role())) {
                created(image).ifPresent(at -> images.add(new Dated(image, at)));
            }
        }
        Optional<Dated> newest = images.stream().max(Comparator.comparing(Dated::created));
        if (newest.isEmpty()) {
            findings.problem(DataReadiness.BACKUP, check, scope.absent(ResourceKind.IMAGE, region,
                    ": no " + tier.role() + " image in DR to launch from"));
            return;
        }
        Duration age = Duration.between(newest.get().created(), scope.now());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("image", newest.get().image().id());
        facts.put("createdAt", newest.get().created().toString());
        facts.put("ageSeconds", String.valueOf(Math.max(0, age.toSeconds())));
        boolean given = tier.givenImage(scope.spec()).isPresent();
        facts.put("maxAgeSeconds", given ? "none (your own image)" : String.valueOf(maxAge.toSeconds()));
        String detail = "newest " + tier.role() + " image " + newest.get().image().id() + " is "
                + DurationFormat.compact(age) + " old" + (given ? " (a copy of your own image: no age bound)"
                : " (limit " + DurationFormat.compact(maxAge) + ": backup plan period plus a margin)");
        if (!given && age.compareTo(maxAge) > 0) {
            findings.problem(DataReadiness.BACKUP, check, detail, facts);
        } else {
            findings.ok(DataReadiness.BACKUP, check, detail, facts);
        }
    }

    private static Optional<Instant> created(StackResource image) {
        String text = image.attribute(Attributes.CREATED);
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record Dated(StackResource image, Instant created) {
    }
}
