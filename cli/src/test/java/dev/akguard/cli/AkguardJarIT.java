package dev.akguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.RecordedRequest;
import dev.akguard.testkit.alibaba.TrailEvent;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.github.GitHubEmulator;
import dev.akguard.testkit.jar.ShadedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code target/akguard.jar} itself (failsafe runs this after package): its contents
 * rules, which keep it small (issue 15), and the jar at work — {@code java -jar akguard.jar}
 * scanning, and the monitor calling the Alibaba Cloud emulator through the SDK as shaded (signing,
 * JSON, HTTP client), storing in SQLite (a kept native) and PostgreSQL, and {@code bin/akguard}
 * finding the jar and its class-data-sharing archive.
 */
@Timeout(300)
class AkguardJarIT {
    /**
     * Issue 15's budget (18 MB; the jar was 32.6 MB before the shade rules, docs/architecture.md,
     * "Artifacts"), plus 4 MB for `monitor serve` (issue 11): Jetty 12, Javalin and the Kotlin
     * runtime it is written in, plus 2 MB for scanning inside archives (issue 13): commons-compress
     * and the commons libraries it needs. Measured: 15.0 MB without either, 23.2 MB with both.
     */
    static final long MAX_BYTES = 24_000_000;

    static final Set<String> KEPT_NATIVES =
            Set.of(
                    "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                    "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
                    "org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so",
                    "org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so",
                    "org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib",
                    "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib",
                    "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");

    /**
     * What verifying the SDK's Signer table loads (see the BouncyCastle filter in the parent pom);
     * nothing runs it.
     */
    static final Set<String> KEPT_BOUNCY_CASTLE =
            Set.of(
                    "org/bouncycastle/LICENSE.class",
                    "org/bouncycastle/jce/provider/BouncyCastleProvider.class",
                    "org/bouncycastle/jcajce/provider/config/ConfigurableProvider.class",
                    "org/bouncycastle/crypto/Digest.class",
                    "org/bouncycastle/crypto/CipherParameters.class");

    static final String PG_URL =
            System.getenv()
                    .getOrDefault(
                            "AKGUARD_TEST_PG",
                            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path JAR = MODULE.resolve("target/akguard.jar");
    static ShadedJar jar;

    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void open() throws IOException {
        jar = ShadedJar.open(JAR);
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void staysWithinItsSizeBudget() throws IOException {
        assertTrue(
                jar.size() <= MAX_BYTES,
                "akguard.jar is "
                        + jar.size()
                        + " bytes, over the budget of "
                        + MAX_BYTES
                        + ". A new dependency? Check what it brings (unzip -l) and extend the shade rules in the parent pom.");
    }

    @Test
    void keepsTheSqliteNativesOfTheMainstreamPlatformsOnly() {
        List<String> natives = jar.entriesMatching(Pattern.compile("org/sqlite/native/.+"));
        assertEquals(new TreeSet<>(KEPT_NATIVES), new TreeSet<>(natives));
    }

    @Test
    void carriesNoDeadWeight() {
        Set<String> bouncyCastle =
                new TreeSet<>(jar.entriesMatching(Pattern.compile("org/bouncycastle/.+")));
        assertEquals(
                new TreeSet<>(KEPT_BOUNCY_CASTLE),
                bouncyCastle,
                "BouncyCastle beyond the provider class the SDK loads");
        for (String dead :
                List.of(
                        "org/glassfish/",
                        "com/sun/xml/bind/",
                        "jakarta/xml/bind/",
                        "com/sun/istack/",
                        "org/checkerframework/",
                        "com/google/errorprone/",
                        "META-INF/versions/")) {
            assertEquals(
                    List.of(),
                    jar.entriesMatching(Pattern.compile(Pattern.quote(dead) + ".+")),
                    dead);
        }
        assertEquals(
                List.of(),
                jar.entriesMatching(
                        Pattern.compile(
                                "META-INF/[^/]+\\.(SF|DSA|RSA|EC)|(.*/)?module-info\\.class")));
    }

    @Test
    void keepsEveryDependencysLicenceAndNotice() throws IOException {
        ShadedJar.LicenceCheck licences = jar.checkLicences(ShadedJar.testClasspath());
        assertEquals(List.of(), licences.lost());
        for (String dependency :
                List.of(
                        "commons-codec",
                        "httpclient",
                        "angus-mail",
                        "jakarta.mail-api",
                        "postgresql",
                        "sqlite-jdbc",
                        "slf4j-api")) {
            assertTrue(
                    licences.checked().stream().anyMatch(c -> c.startsWith(dependency + "-")),
                    "the licence files of " + dependency + " were compared: " + licences.checked());
        }
        assertEquals(
                Files.readString(MODULE.resolve("../LICENSE")),
                jar.text("META-INF/akguard/LICENSE"));
        String notice = jar.text("META-INF/NOTICE");
        for (String from : List.of("Apache Commons Codec", "Apache HttpClient", "Jakarta Mail")) {
            assertTrue(notice.contains(from), "META-INF/NOTICE has the notice of " + from);
        }
        // Licences that come only as declared in each artifact's POM (Gson, JGit, picocli, the
        // Alibaba SDK).
        for (String pom :
                List.of(
                        "com.google.code.gson/gson",
                        "org.eclipse.jgit/org.eclipse.jgit",
                        "com.aliyun/aliyun-java-sdk-core")) {
            assertTrue(jar.contains("META-INF/maven/" + pom + "/pom.xml"), pom);
        }
    }

    @Test
    void isAPlainRunnableJar() throws IOException {
        Attributes main = jar.manifest().getMainAttributes();
        assertEquals("dev.akguard.cli.Main", main.getValue("Main-Class"));
        assertNull(
                main.getValue("Multi-Release"),
                "Multi-Release slows every class lookup at start-up");
    }

    @Test
    void scanFindsAKeyPair() throws Exception {
        Random r = new Random(15);
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(
                src.resolve("app.properties"),
                "ak=" + FakeKeys.accessKeyId(r) + "\nsk=" + FakeKeys.secret(r) + "\n");
        Run run = java(Map.of(), "scan", src.toString(), "--format", "sarif");
        assertEquals(1, run.exit(), run.err());
        JsonObject sarif = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject result =
                sarif.getAsJsonArray("runs")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject();
        assertEquals("alibaba-access-key-pair", result.get("ruleId").getAsString());
    }

    @Test
    void monitorWorksAgainstTheEmulatorWithSqlite() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.leak();
            String db = "jdbc:sqlite:" + dir.resolve("monitor.db");
            Run watch = f.monitor(db, "watch", "--once", "--public-events");
            assertEquals(0, watch.exit(), watch.err());
            assertTrue(watch.out().contains("verified 1 new alert(s)"), watch.out());
            JsonObject alert = f.onlyAlert(db);
            assertEquals("VALID", alert.get("validity").getAsString());

            Run verify = f.monitor(db, "verify", alert.get("id").getAsString(), "--format", "json");
            assertEquals(0, verify.exit(), verify.err());
            assertEquals(
                    "VALID",
                    JsonParser.parseString(verify.out())
                            .getAsJsonObject()
                            .get("validity")
                            .getAsString());

            Run calls = f.monitor(db, "calls", f.leaked.id(), "--from", "2h", "--format", "json");
            assertEquals(0, calls.exit(), calls.err());
            JsonArray events = JsonParser.parseString(calls.out()).getAsJsonArray();
            assertEquals(1, events.size(), calls.out());
            assertEquals(
                    "DescribeInstances",
                    events.get(0).getAsJsonObject().get("eventName").getAsString());

            Run sync = f.monitor(db, "inventory", "sync", "--format", "json");
            assertEquals(0, sync.exit(), sync.err());
            assertTrue(sync.out().contains("app-deployer"), sync.out());

            // STS (verify), ActionTrail (calls) and RAM (inventory) were each reached, signed as
            // the SDK signs.
            for (String action : List.of("GetCallerIdentity", "LookupEvents", "ListUsers")) {
                List<RecordedRequest> requests = f.ali.requests(action);
                assertFalse(requests.isEmpty(), action);
                assertTrue(
                        requests.stream()
                                .allMatch(q -> q.succeeded() && "V1".equals(q.signatureVersion())),
                        action + ": " + requests);
            }
            f.assertNoSecretPrinted();
        }
    }

    @Test
    void monitorStoresInPostgresql() throws Exception {
        String schema = "akg_jar_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(PG_URL);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try (Fixture f = new Fixture(dir)) {
            f.leak();
            String db = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            Run watch = f.monitor(db, "watch", "--once", "--public-events");
            assertEquals(0, watch.exit(), watch.err());
            assertEquals("VALID", f.onlyAlert(db).get("validity").getAsString());
            f.assertNoSecretPrinted();
        } finally {
            try (Connection c = DriverManager.getConnection(PG_URL);
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void launcherFindsTheJarAndMapsItsCdsArchive() throws Exception {
        Path launcher = MODULE.resolve("../bin/akguard").normalize();
        for (Path old : archives()) Files.delete(old);
        Files.writeString(
                Files.createDirectories(dir.resolve("small")).resolve("a.txt"), "nothing to see\n");
        Map<String, String> env =
                Map.of(
                        "AKGUARD_JAR",
                        "",
                        "AKGUARD_HOME",
                        "",
                        "AKGUARD_CDS",
                        "auto",
                        "JAVA_HOME",
                        System.getProperty("java.home"));
        Run training = run(env, launcher.toString(), "scan", dir.resolve("small").toString());
        assertEquals(0, training.exit(), training.err());
        // Java 25+ gets an AOT cache, assembled in the background after the run; older runtimes a
        // CDS archive.
        List<Path> written = archives();
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                written.isEmpty() && System.nanoTime() < until; ) {
            Thread.sleep(200);
            written = archives();
        }
        assertEquals(
                1,
                written.size(),
                "the first run writes one archive (for this runtime) next to the jar: " + written);
        Path archive = written.get(0);
        // Strict modes refuse to start unless the archive maps: it matches this jar and this JVM.
        List<String> strict =
                archive.toString().endsWith(".aot")
                        ? List.of("-XX:AOTCache=" + archive, "-XX:AOTMode=on")
                        : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on");
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC"));
        cmd.addAll(strict);
        cmd.addAll(List.of("-jar", JAR.toString(), "--version"));
        Run mapped = run(Map.of(), cmd.toArray(String[]::new));
        assertEquals(0, mapped.exit(), mapped.err());
        Run again = run(env, launcher.toString(), "scan", dir.resolve("small").toString());
        assertEquals(0, again.exit(), again.err());
        assertFalse(
                again.err().contains("warning"),
                "the launcher's run with the archive is quiet: " + again.err());
    }

    /**
     * The launcher's archives for scans next to the jar (akguard-jre&lt;runtime key&gt;.jsa or
     * .aot; hooks have their own).
     */
    private static List<Path> archives() throws IOException {
        try (var files = Files.list(JAR.getParent())) {
            return files.filter(
                            f ->
                                    f.getFileName()
                                            .toString()
                                            .matches("akguard(-jre[0-9]+)?\\.(jsa|aot)"))
                    .toList();
        }
    }

    /**
     * The two emulators, a leaked key with one call in the trail, and a config; prints nothing
     * secret.
     */
    final class Fixture implements AutoCloseable {
        final GitHubEmulator gh = GitHubEmulator.start();
        final AlibabaCloudEmulator ali = AlibabaCloudEmulator.start();
        final EmulatedKey admin;
        final EmulatedKey leaked;
        final Path config;
        final List<String> printed = new ArrayList<>();

        Fixture(Path dir) throws IOException {
            ali.trail().noRateLimit();
            EmulatedAccount account = ali.addAccount();
            admin = account.addUser("security-admin").addKey();
            leaked = account.addUser("app-deployer").addKey();
            config = dir.resolve("monitor.json");
            Files.writeString(
                    config,
                    "{\"calls\": {\"regions\": [\"cn-hangzhou\"], \"refreshMinutes\": 0}}\n");
        }

        void leak() {
            ali.trail()
                    .add(
                            TrailEvent.of(
                                    leaked,
                                    "DescribeInstances",
                                    Instant.now().minus(Duration.ofMinutes(30))));
            gh.createRepo("acme/shop")
                    .change()
                    .author("mallory")
                    .put(
                            "deploy/config.yaml",
                            "accessKeyId: "
                                    + leaked.id()
                                    + "\naccessKeySecret: "
                                    + leaked.secret()
                                    + "\n")
                    .push();
        }

        Run monitor(String db, String... args) throws Exception {
            List<String> all = new ArrayList<>(List.of("monitor"));
            all.addAll(List.of(args));
            all.addAll(
                    List.of(
                            "--db",
                            db,
                            "--github-api",
                            gh.baseUrl(),
                            "--alibaba-endpoint",
                            ali.url(),
                            "--config",
                            config.toString()));
            // The team's admin credentials from the environment, as on a server.
            Run run =
                    java(
                            Map.of(
                                    "ALIBABA_CLOUD_ACCESS_KEY_ID",
                                    admin.id(),
                                    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
                                    admin.secret()),
                            all.toArray(String[]::new));
            printed.add(run.out());
            printed.add(run.err());
            return run;
        }

        JsonObject onlyAlert(String db) throws Exception {
            Run alerts = monitor(db, "alerts", "--format", "json");
            assertEquals(0, alerts.exit(), alerts.err());
            JsonArray all = JsonParser.parseString(alerts.out()).getAsJsonArray();
            assertEquals(1, all.size(), alerts.out());
            return all.get(0).getAsJsonObject();
        }

        void assertNoSecretPrinted() {
            for (String p : printed) {
                assertFalse(
                        p.contains(leaked.secret()) || p.contains(admin.secret()),
                        "a secret reached the output");
            }
        }

        @Override
        public void close() {
            gh.close();
            ali.close();
        }
    }

    /**
     * {@code java -jar target/akguard.jar args…}, with a home of its own so no user credentials
     * file is read.
     */
    Run java(Map<String, String> env, String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Duser.home=" + Files.createDirectories(dir.resolve("home")),
                                "-jar",
                                JAR.toString()));
        cmd.addAll(List.of(args));
        return run(env, cmd.toArray(String[]::new));
    }

    Run run(Map<String, String> env, String... cmd) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt"),
                err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb =
                new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.equals("JAVA_OPTS"));
        env.forEach(
                (k, v) -> {
                    if (v.isEmpty()) pb.environment().remove(k);
                    else pb.environment().put(k, v);
                });
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
