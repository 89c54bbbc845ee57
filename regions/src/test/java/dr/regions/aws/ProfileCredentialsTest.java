package dr.regions.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profiles real teams use resolve through the SDK's credential chain, as dr builds it: an assumed-role profile
 * ({@code role_arn} + {@code source_profile}, needs the SDK's {@code sts} module), an IAM Identity Center profile
 * ({@code sso_session}, needs {@code sso} and {@code ssooidc}) and web identity (needs {@code sts}). Without those
 * modules the SDK fails with "To use assume role profiles, the 'sts' service module must be on the class path" /
 * "... the 'sso' service module ...".
 * <p>
 * No network: a local HTTP server answers STS AssumeRole / AssumeRoleWithWebIdentity (query protocol, XML, as in
 * the STS API reference samples: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html), SSO
 * GetRoleCredentials (GET /federation/credentials, JSON roleCredentials:
 * https://docs.aws.amazon.com/singlesignon/latest/PortalAPIReference/API_GetRoleCredentials.html) and the EC2 call.
 * The SDK is pointed at it with the service-specific endpoint variables {@code AWS_ENDPOINT_URL_STS} and
 * {@code AWS_ENDPOINT_URL_SSO} (AWS SDKs and Tools reference guide, "Service-specific endpoints"). The probe runs in
 * a child JVM with a temporary HOME (the SDK reads the SSO token cache from {@code $HOME/.aws/sso/cache}, and the
 * HOME variable wins over {@code user.home}), config and credentials files, and no AWS variable of this machine.
 */
class ProfileCredentialsTest {
    private static final String ASSUMED_KEY = "ASIAASSUMEDROLE00001";
    private static final String SSO_KEY = "ASIAIDENTITYCENTER01";
    private static final String WEB_IDENTITY_KEY = "ASIAWEBIDENTITY00001";
    private static final String SSO_TOKEN = "sso-access-token-from-the-cache";

    @TempDir
    Path home;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String endpoint;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void anAssumedRoleProfileSignsWithTheRolesCredentials() throws Exception {
        write(".aws/credentials", """
                [base]
                aws_access_key_id = AKIABASEPROFILE00001
                aws_secret_access_key = base-secret
                """);
        write(".aws/config", """
                [profile dr-operator]
                role_arn = arn:aws:iam::123456789012:role/dr-operator
                source_profile = base
                region = us-east-1
                """);

        assertThat(probe("dr-operator", Map.of())).contains("signed call answered");

        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("sts AssumeRole")
                .contains("RoleArn=arn:aws:iam::123456789012:role/dr-operator").contains("Credential=AKIABASEPROFILE00001/"));
        assertThat(ec2Signature()).contains("Credential=" + ASSUMED_KEY + "/").contains("token=session-" + ASSUMED_KEY);
    }

    @Test
    void anIdentityCenterProfileSignsWithTheRoleCredentialsOfItsCachedToken() throws Exception {
        write(".aws/config", """
                [profile dr-sso]
                sso_session = corp
                sso_account_id = 123456789012
                sso_role_name = DrOperator
                region = us-east-1

                [sso-session corp]
                sso_region = us-east-1
                sso_start_url = https://corp.awsapps.com/start
                sso_registration_scopes = sso:account:access
                """);
        // What 'aws sso login' leaves for a session: the file is named by the SHA-1 of the session name.
        write(".aws/sso/cache/" + sha1("corp") + ".json", """
                {"accessToken": "%s", "expiresAt": "2099-01-01T00:00:00Z", "region": "us-east-1",
                 "startUrl": "https://corp.awsapps.com/start", "refreshToken": "refresh", "clientId": "client",
                 "clientSecret": "secret", "registrationExpiresAt": "2099-01-01T00:00:00Z"}
                """.formatted(SSO_TOKEN));

        assertThat(probe("dr-sso", Map.of())).contains("signed call answered");

        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("sso GetRoleCredentials")
                .contains("role_name=DrOperator").contains("account_id=123456789012").contains("bearer=" + SSO_TOKEN));
        assertThat(ec2Signature()).contains("Credential=" + SSO_KEY + "/").contains("token=session-" + SSO_KEY);
    }

    @Test
    void webIdentityFromTheEnvironmentSignsWithTheRolesCredentials() throws Exception {
        Path token = write("token", "eyJ.web.identity");

        assertThat(probe("-", Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(),
                "AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/dr-ci", "AWS_ROLE_SESSION_NAME", "ci")))
                .contains("signed call answered");

        assertThat(requests).anySatisfy(r -> assertThat(r).startsWith("sts AssumeRoleWithWebIdentity")
                .contains("WebIdentityToken=eyJ.web.identity"));
        assertThat(ec2Signature()).contains("Credential=" + WEB_IDENTITY_KEY + "/");
    }

    private String ec2Signature() {
        return requests.stream().filter(r -> r.startsWith("ec2 ")).findFirst()
                .orElseThrow(() -> new AssertionError("no EC2 call reached the server: " + requests));
    }

    private String probe(String profile, Map<String, String> extraEnvironment) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CredentialsProbe.class.getName(), profile, endpoint).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
        env.put("AWS_ENDPOINT_URL_STS", endpoint);
        env.put("AWS_ENDPOINT_URL_SSO", endpoint);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.putAll(extraEnvironment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output + "\nrequests: " + requests).isZero();
        return output;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
        String path = exchange.getRequestURI().toString();
        if (path.startsWith("/federation/credentials")) {
            requests.add("sso GetRoleCredentials " + URLDecoder.decode(path, StandardCharsets.UTF_8) + " bearer="
                    + exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"));
            send(exchange, "application/json", """
                    {"roleCredentials": {"accessKeyId": "%s", "secretAccessKey": "sso-secret",
                     "sessionToken": "session-%s", "expiration": 4070908800000}}""".formatted(SSO_KEY, SSO_KEY));
        } else if (body.contains("Action=AssumeRoleWithWebIdentity")) {
            requests.add("sts AssumeRoleWithWebIdentity " + body);
            send(exchange, "text/xml", stsResponse("AssumeRoleWithWebIdentity", WEB_IDENTITY_KEY));
        } else if (body.contains("Action=AssumeRole")) {
            requests.add("sts AssumeRole " + body + " " + auth);
            send(exchange, "text/xml", stsResponse("AssumeRole", ASSUMED_KEY));
        } else if (body.contains("Action=DescribeAvailabilityZones")) {
            requests.add("ec2 " + auth + " token=" + token);
            send(exchange, "text/xml", "<DescribeAvailabilityZonesResponse xmlns=\"http://ec2.amazonaws.com/doc/"
                    + "2016-11-15/\"><requestId>req-1</requestId><availabilityZoneInfo/>"
                    + "</DescribeAvailabilityZonesResponse>");
        } else {
            requests.add("unexpected " + exchange.getRequestMethod() + " " + path + " " + body);
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        }
    }

    private static String stsResponse(String action, String keyId) {
        return """
                <%1$sResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <%1$sResult>
                    <AssumedRoleUser>
                      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:dr</AssumedRoleId>
                      <Arn>arn:aws:sts::123456789012:assumed-role/dr-operator/dr</Arn>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>%2$s</AccessKeyId>
                      <SecretAccessKey>role-secret</SecretAccessKey>
                      <SessionToken>session-%2$s</SessionToken>
                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                    </Credentials>
                  </%1$sResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </%1$sResponse>
                """.formatted(action, keyId);
    }

    private static void send(HttpExchange exchange, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-1");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Path write(String relative, String text) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
