package dr.regions.images;

import dr.regions.topology.Tier;
import dr.core.model.StackSpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two scripts a tier's instances run, kept in one place because the second starts what the first installs.
 *
 * <p>The bake script is what the builders install, from the Amazon Linux 2023 repositories only (nothing fetched
 * from the internet and run): the web tier is Apache serving a page, the app tier a small Node.js HTTP service on
 * port 80 run by systemd. Both answer the stack's health-check path with 200, which is what the target groups probe.
 *
 * <p>The boot script is what a tier's instance runs at boot (the launch template's user data). The golden image
 * already holds the application; boot only starts the tier's service ({@link #service}). Short on purpose: nothing
 * that needs the internet, so a DR instance starts the same way while the primary region is dark.
 */
public final class UserData {
    private UserData() {
    }

    /** The systemd unit the bake script installs and the boot script starts. */
    static String service(Tier tier) {
        return tier == Tier.WEB ? "httpd" : "dr-app";
    }

    /** The tier's boot script. */
    public static String boot(Tier tier) {
        String comment = tier == Tier.WEB ? "# dr web tier: serve the baked static site on port 80\n"
                : "# dr app tier: start the baked API service on port 80\n";
        return "#!/bin/bash\n" + comment + start(tier);
    }

    /** The boot script as EC2 takes user data in a launch template: base64. */
    public static String bootBase64(Tier tier) {
        return encode(boot(tier));
    }

    private static String start(Tier tier) {
        return "systemctl enable --now " + service(tier) + "\n";
    }

    /** The tier's bake script: what the golden image of {@code tier} installs. */
    static String forTier(Tier tier, StackSpec spec) {
        return tier == Tier.WEB ? web(spec.healthCheckPath()) : app(spec.healthCheckPath());
    }

    static String web(String healthPath) {
        return """
                #!/bin/bash
                # dr golden image: web tier (Apache httpd)
                set -euxo pipefail
                HEALTH_PATH=%s
                dnf install -y httpd
                cat > /var/www/html/index.html <<'PAGE'
                <!doctype html>
                <html><head><title>dr web tier</title></head>
                <body><h1>dr web tier</h1><p>Served by Apache from the dr golden image.</p></body></html>
                PAGE
                health_file="/var/www/html${HEALTH_PATH%%%%\\?*}"
                case "$health_file" in */) health_file="${health_file}index.html" ;; esac
                mkdir -p "$(dirname "$health_file")"
                echo ok > "$health_file"
                """.formatted(shellQuote(healthPath)) + start(Tier.WEB);
    }

    static String app(String healthPath) {
        return """
                #!/bin/bash
                # dr golden image: app tier (Node.js HTTP service on port 80)
                set -euxo pipefail
                dnf install -y nodejs
                install -d -m 0755 /opt/dr-app
                cat > /opt/dr-app/server.js <<'SERVER'
                const http = require('http');
                const os = require('os');
                const healthPath = %s;
                http.createServer((req, res) => {
                  const path = new URL(req.url, 'http://localhost').pathname;
                  if (path === healthPath) {
                    res.writeHead(200, {'Content-Type': 'text/plain'});
                    res.end('ok\\n');
                    return;
                  }
                  res.writeHead(200, {'Content-Type': 'application/json'});
                  res.end(JSON.stringify({service: 'dr-app', host: os.hostname(), path}) + '\\n');
                }).listen(80);
                SERVER
                cat > /etc/systemd/system/dr-app.service <<'UNIT'
                [Unit]
                Description=dr app tier
                Wants=network-online.target
                After=network-online.target

                [Service]
                ExecStart=/usr/bin/node /opt/dr-app/server.js
                DynamicUser=yes
                AmbientCapabilities=CAP_NET_BIND_SERVICE
                Restart=always

                [Install]
                WantedBy=multi-user.target
                UNIT
                systemctl daemon-reload
                """.formatted(jsString(pathOnly(healthPath))) + start(Tier.APP);
    }

    /** The base64 form RunInstances takes. */
    static String encode(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8));
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** A single-quoted shell word: nothing inside is expanded. */
    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A JavaScript string literal. */
    static String jsString(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
