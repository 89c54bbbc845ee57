package dr.regions.compute;

import dr.regions.topology.Tier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a tier's instance runs at boot. The golden image already holds the application (baked by the image steps);
 * boot only starts the tier's service, which answers the target group's health check on port 80. Short on purpose:
 * nothing that needs the internet, so a DR instance starts the same way while the primary region is dark.
 */
public final class UserData {
    private UserData() {
    }

    public static String script(Tier tier) {
        return switch (tier) {
            case WEB -> "#!/bin/bash\n# dr web tier: serve the baked static site on port 80\nsystemctl enable --now httpd\n";
            case APP -> "#!/bin/bash\n# dr app tier: start the baked API service on port 80\nsystemctl enable --now dr-app\n";
        };
    }

    /** As EC2 takes user data in a launch template: base64. */
    public static String base64(Tier tier) {
        return Base64.getEncoder().encodeToString(script(tier).getBytes(StandardCharsets.UTF_8));
    }
}
