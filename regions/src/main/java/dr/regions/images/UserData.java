package dr.regions.images;

import dr.regions.topology.Tier;
import dr.core.model.StackSpec;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two scripts a tier's instances run, kept in one place because the second starts what the first installs.
 *
 * <p>The bake script is what the builders install, from the Amazon Linux 2023 repositories only (nothing fetched
 * from the internet): the web tier is Apache serving a page, the app tier a small Node.js HTTP service on port 80 run
 * by systemd. Both answer the stack's health-check path with 200, which is what the target groups probe.
 *
 * <p>Both also serve {@link #SERVED_PATH}, what a drill probes through CloudFront to see that a region really serves
 * users: the web tier's Apache passes it to its own region's app load balancer, whose instance reads its own region's
 * database ({@code db.<internal zone>}) as the user {@code app} with an IAM token and answers 200 with JSON naming the
 * region, the database endpoint and whether it is writable ({@code SELECT @@global.read_only}: a read replica is
 * not), or 503 with JSON naming the region and the error when it cannot read the database. The connection is TLS
 * (IAM authentication requires it) without verifying the server's certificate: the RDS certificate bundle is not in
 * the Amazon Linux repositories and the image fetches nothing; what travels, inside the VPC, is a token for the user
 * {@code app} that lasts 15 minutes. An application verifies the certificate with the bundle (README).
 *
 * <p>The boot script is what a tier's instance runs at boot (the launch template's user data). The golden image
 * already holds the application; boot writes what differs per region (the web tier: which app load balancer to pass
 * {@link #SERVED_PATH} to; the app tier: its region and database name) and restarts the tier's service
 * ({@link #service}). Short on purpose: nothing that needs the internet, so a DR instance starts the same way while
 * the primary region is dark.
 */
public final class UserData {
    /** The path the instances answer by reading their region's database (see the class comment). */
    public static final String SERVED_PATH = "/_dr/served";
    /** Where the app tier's boot script leaves its region and database name for the service. */
    static final String APP_ENVIRONMENT = "/etc/dr-app.env";

    private UserData() {
    }

    /** The systemd unit the bake script installs and the boot script starts. */
    static String service(Tier tier) {
        return tier == Tier.WEB ? "httpd" : "dr-app";
    }

    /**
     * The tier's boot script in {@code region}. {@code next} is where the tier sends {@link #SERVED_PATH}: for the
     * web tier the DNS name of the region's app load balancer, for the app tier the database's name in the region's
     * private zone ({@code db.<internal zone>}).
     */
    public static String boot(Tier tier, String region, String next) {
        return "#!/bin/bash\n" + (tier == Tier.WEB ? webBoot(next) : appBoot(region, next)) + restart(tier);
    }

    /** The boot script as EC2 takes user data in a launch template: base64. */
    public static String bootBase64(Tier tier, String region, String next) {
        return encode(boot(tier, region, next));
    }

    private static String webBoot(String appLoadBalancer) {
        return "# dr web tier: serve the baked static site on port 80, and pass " + SERVED_PATH
                + " to this region's app tier\n"
                + "install -d /etc/httpd/conf.d\n"
                + "cat > /etc/httpd/conf.d/dr-served.conf <<'CONF'\n"
                + "ProxyPass \"" + SERVED_PATH + "\" \"http://" + hostName(appLoadBalancer) + SERVED_PATH
                + "\" connectiontimeout=3 timeout=10\n"
                + "CONF\n";
    }

    private static String appBoot(String region, String databaseName) {
        return "# dr app tier: start the baked API service on port 80, reading this region's database\n"
                + "cat > " + APP_ENVIRONMENT + " <<'ENV'\n"
                + "DR_REGION=" + hostName(region) + "\n"
                + "DR_DB_NAME=" + hostName(databaseName) + "\n"
                + "ENV\n";
    }

    /** A name that goes into a script or a config file unquoted: letters, digits, dots and dashes only. */
    private static String hostName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a host name: " + name);
        }
        return name;
    }

    private static String start(Tier tier) {
        return "systemctl enable --now " + service(tier) + "\n";
    }

    /** The image's service may already run (enabled when baked): restart it, so it reads what boot wrote. */
    private static String restart(Tier tier) {
        return "systemctl enable " + service(tier) + "\nsystemctl restart " + service(tier) + "\n";
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
                dnf install -y nodejs mariadb105
                install -d -m 0755 /opt/dr-app
                cat > /opt/dr-app/server.js <<'SERVER'
                const http = require('http');
                const os = require('os');
                const dns = require('dns').promises;
                const { execFile } = require('child_process');
                const healthPath = %1$s;
                const servedPath = %2$s;
                const region = process.env.DR_REGION || '';
                const dbName = process.env.DR_DB_NAME || '';

                // One command, 5 s at most; its first error line becomes the answer's error.
                function run(file, args, extraEnv) {
                  return new Promise((resolve, reject) => {
                    execFile(file, args, {timeout: 5000, env: Object.assign({}, process.env, extraEnv)},
                      (error, stdout, stderr) => error
                        ? reject(new Error(((stderr || '').trim() || error.message).split('\\n')[0]))
                        : resolve(stdout.trim()));
                  });
                }

                // Reads this region's database as the user app: an IAM token signed here (no secret), over TLS, the
                // token passed in MYSQL_PWD (never on a command line).
                async function readDatabase() {
                  const endpoint = (await dns.resolveCname(dbName))[0];
                  const token = await run('aws', ['rds', 'generate-db-auth-token', '--hostname', endpoint,
                    '--port', '3306', '--username', 'app', '--region', region], {});
                  const readOnly = await run('mysql', ['--host=' + endpoint, '--port=3306', '--user=app',
                    '--enable-cleartext-plugin', '--ssl',
                    '--connect-timeout=3', '--batch', '--skip-column-names',
                    '--execute=SELECT @@global.read_only'], {MYSQL_PWD: token});
                  return {endpoint, writable: readOnly === '0'};
                }

                function json(res, status, body) {
                  res.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
                  const answer = Object.assign({service: 'dr-app', region, host: os.hostname()}, body);
                  res.end(JSON.stringify(answer) + '\\n');
                }

                http.createServer((req, res) => {
                  const path = new URL(req.url, 'http://localhost').pathname;
                  if (path === healthPath) {
                    res.writeHead(200, {'Content-Type': 'text/plain'});
                    res.end('ok\\n');
                    return;
                  }
                  if (path === servedPath) {
                    readDatabase().then(
                      db => json(res, 200, {database: db.endpoint, writable: db.writable}),
                      error => json(res, 503, {error: error.message}));
                    return;
                  }
                  json(res, 200, {path});
                }).listen(80);
                SERVER
                cat > /etc/systemd/system/dr-app.service <<'UNIT'
                [Unit]
                Description=dr app tier
                Wants=network-online.target
                After=network-online.target

                [Service]
                ExecStart=/usr/bin/node /opt/dr-app/server.js
                EnvironmentFile=-%3$s
                Environment=HOME=/tmp
                DynamicUser=yes
                AmbientCapabilities=CAP_NET_BIND_SERVICE
                Restart=always

                [Install]
                WantedBy=multi-user.target
                UNIT
                systemctl daemon-reload
                """.formatted(jsString(pathOnly(healthPath)), jsString(SERVED_PATH), APP_ENVIRONMENT)
                + start(Tier.APP);
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
