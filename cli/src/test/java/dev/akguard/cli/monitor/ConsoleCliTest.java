package dev.akguard.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.akguard.cli.CliRunner;
import dev.akguard.console.ConsoleApp;
import dev.akguard.console.ConsoleSettings;
import dev.akguard.console.auth.PasswordHasher;
import dev.akguard.console.web.ConsoleMetrics;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.github.GitHubEmulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `monitor users`, `monitor tokens`, and the REST API answering exactly what `--format json`
 * prints.
 */
class ConsoleCliTest {
    private static final String PASSWORD = "a long enough password";

    @TempDir Path dir;
    private String db;
    private InputStream stdin;

    @BeforeEach
    void start() {
        db = "jdbc:sqlite:" + dir.resolve("monitor.db");
        stdin = System.in;
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private CliRunner.Run withStdin(String input, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return CliRunner.run(args);
    }

    @Test
    void usersAreAddedWithAPasswordFromStdinListedChangedAndRemoved() {
        CliRunner.Run add =
                withStdin(
                        PASSWORD + "\n",
                        "monitor",
                        "users",
                        "add",
                        "alice",
                        "--role",
                        "responder",
                        "--db",
                        db);
        assertEquals(0, add.exit(), add.err());
        assertEquals("User alice added (responder).", add.out().trim());
        CliRunner.Run list = CliRunner.run("monitor", "users", "list", "--db", db);
        assertTrue(list.out().contains("alice") && list.out().contains("responder"), list.out());
        assertFalse(
                list.out().contains(PASSWORD) || add.out().contains(PASSWORD),
                "the password is never printed");

        CliRunner.Run dup =
                withStdin(
                        PASSWORD + "\n",
                        "monitor",
                        "users",
                        "add",
                        "alice",
                        "--role",
                        "admin",
                        "--db",
                        db);
        assertEquals(2, dup.exit());
        assertTrue(dup.err().contains("already exists"), dup.err());
        CliRunner.Run shortPw =
                withStdin(
                        "short\n", "monitor", "users", "add", "bob", "--role", "viewer", "--db",
                        db);
        assertEquals(2, shortPw.exit());
        assertTrue(shortPw.err().contains("at least 10"), shortPw.err());
        CliRunner.Run badRole =
                withStdin(
                        PASSWORD + "\n",
                        "monitor",
                        "users",
                        "add",
                        "bob",
                        "--role",
                        "root",
                        "--db",
                        db);
        assertEquals(2, badRole.exit());
        assertTrue(badRole.err().contains("viewer, responder or admin"), badRole.err());
        CliRunner.Run flag =
                CliRunner.run(
                        "monitor",
                        "users",
                        "add",
                        "bob",
                        "--role",
                        "viewer",
                        "--password",
                        PASSWORD,
                        "--db",
                        db);
        assertEquals(2, flag.exit(), "there is no password flag");

        assertEquals(
                0,
                withStdin(
                                "another long password\n",
                                "monitor",
                                "users",
                                "passwd",
                                "alice",
                                "--db",
                                db)
                        .exit());
        assertEquals(0, CliRunner.run("monitor", "users", "remove", "alice", "--db", db).exit());
        CliRunner.Run gone = CliRunner.run("monitor", "users", "remove", "alice", "--db", db);
        assertEquals(2, gone.exit());
        assertTrue(gone.err().contains("no user 'alice'"), gone.err());
    }

    @Test
    void tokensArePrintedOnceAndListedWithoutTheirValue() {
        CliRunner.Run create =
                CliRunner.run(
                        "monitor", "tokens", "create", "siem", "--role", "viewer", "--db", db);
        assertEquals(0, create.exit(), create.err());
        String token = create.out().trim();
        assertTrue(
                token.matches("akg_[A-Za-z0-9_-]{43}"),
                "the token alone on stdout: " + create.out());
        CliRunner.Run list = CliRunner.run("monitor", "tokens", "list", "--db", db);
        assertTrue(
                list.out().contains("siem")
                        && list.out().contains("viewer")
                        && !list.out().contains(token),
                list.out());
        assertEquals(0, CliRunner.run("monitor", "tokens", "revoke", "siem", "--db", db).exit());
        assertTrue(
                CliRunner.run("monitor", "tokens", "list", "--db", db)
                        .out()
                        .contains("No API tokens"));
    }

    @Test
    void theApiAnswersExactlyWhatTheCliPrints() throws Exception {
        try (GitHubEmulator gh = GitHubEmulator.start()) {
            Random r = new Random(11);
            gh.createRepo("acme/shop")
                    .change()
                    .author("mallory")
                    .put(
                            "app.properties",
                            "aliyun.access-key-id="
                                    + FakeKeys.accessKeyId(r)
                                    + "\naliyun.access-key-secret="
                                    + FakeKeys.secret(r)
                                    + "\n")
                    .push();
            assertEquals(
                    0,
                    CliRunner.run(
                                    "monitor",
                                    "watch",
                                    "--once",
                                    "--no-verify",
                                    "--public-events",
                                    "--db",
                                    db,
                                    "--github-api",
                                    gh.baseUrl())
                            .exit());
            assertEquals(
                    0,
                    CliRunner.run(
                                    "monitor",
                                    "handle",
                                    "1",
                                    "--method",
                                    "whitelist",
                                    "--note",
                                    "sample",
                                    "--by",
                                    "carol",
                                    "--db",
                                    db)
                            .exit());
            String token =
                    CliRunner.run(
                                    "monitor", "tokens", "create", "ci", "--role", "viewer", "--db",
                                    db)
                            .out()
                            .trim();
            JsonArray cliList =
                    JsonParser.parseString(
                                    CliRunner.run(
                                                    "monitor",
                                                    "alerts",
                                                    "--format",
                                                    "json",
                                                    "--db",
                                                    db)
                                            .out())
                            .getAsJsonArray();
            JsonArray cliShow =
                    JsonParser.parseString(
                                    CliRunner.run(
                                                    "monitor",
                                                    "show",
                                                    "1",
                                                    "--format",
                                                    "json",
                                                    "--db",
                                                    db)
                                            .out())
                            .getAsJsonArray();
            JsonArray cliAnomalies =
                    JsonParser.parseString(
                                    CliRunner.run(
                                                    "monitor",
                                                    "anomalies",
                                                    "--format",
                                                    "json",
                                                    "--db",
                                                    db)
                                            .out())
                            .getAsJsonArray();

            MonitorOptions o = new MonitorOptions();
            o.db = db;
            o.githubApi = gh.baseUrl();
            ConsoleSettings s =
                    new ConsoleSettings("127.0.0.1", 0, null, null, List.of(), null, null, false);
            try (ConsoleApp app =
                    new ConsoleApp(
                                    MonitorRuntimes.open(o),
                                    null,
                                    s,
                                    new PasswordHasher(4),
                                    new ConsoleMetrics(),
                                    Duration.ofSeconds(5))
                            .start()) {
                String base = "http://127.0.0.1:" + app.port();
                assertEquals(cliList, get(base + "/api/v1/alerts", token));
                assertEquals(
                        cliShow.get(0),
                        get(base + "/api/v1/alerts/1", token),
                        "one alert: the single object of `show`");
                assertEquals(cliAnomalies, get(base + "/api/v1/anomalies", token));
            }
        }
    }

    private static JsonElement get(String url, String token) throws Exception {
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body());
    }
}
