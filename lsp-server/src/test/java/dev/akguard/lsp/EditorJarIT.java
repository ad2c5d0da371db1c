package dev.akguard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.lsp.support.Keys;
import dev.akguard.lsp.support.RecordingClient;
import dev.akguard.lsp.support.ServerHarness;
import dev.akguard.testkit.jar.ShadedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code target/akguard-lsp.jar} (failsafe runs this after package), the server the VS
 * Code extension ships: the engine and the language server only, within its size budget, every
 * licence kept, and started the way the extension starts it ({@code java -jar akguard-lsp.jar lsp
 * --stdio}).
 */
@Timeout(120)
class EditorJarIT {
    /** Issue 15's budget for the editor jar. */
    static final long MAX_BYTES = 6_000_000;

    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    static final Path JAR = MODULE.resolve("target/akguard-lsp.jar");
    static ShadedJar jar;

    @TempDir Path root;

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
                "akguard-lsp.jar is "
                        + jar.size()
                        + " bytes, over the budget of "
                        + MAX_BYTES
                        + ". Did the language server gain a dependency? It ships in every VS Code install.");
    }

    @Test
    void holdsTheEngineAndTheServerButNothingOfTheMonitorOrCli() {
        assertTrue(jar.contains("dev/akguard/lsp/launch/StdioLauncher.class"));
        assertTrue(
                jar.entriesMatching(Pattern.compile("dev/akguard/core/.+\\.class")).size() > 10,
                "the engine");
        for (String absent :
                List.of(
                        "dev/akguard/monitor/",
                        "dev/akguard/cli/",
                        "dev/akguard/hooks/",
                        "org/sqlite/",
                        "org/postgresql/",
                        "com/aliyuncs/",
                        "jakarta/mail/",
                        "org/bouncycastle/",
                        "org/apache/http/")) {
            assertEquals(
                    List.of(),
                    jar.entriesMatching(Pattern.compile(Pattern.quote(absent) + ".+")),
                    absent);
        }
    }

    @Test
    void keepsEveryDependencysLicenceAndNotice() throws IOException {
        ShadedJar.LicenceCheck licences = jar.checkLicences(ShadedJar.testClasspath());
        assertEquals(List.of(), licences.lost());
        for (String dependency :
                List.of(
                        "org.eclipse.lsp4j-",
                        "org.eclipse.lsp4j.jsonrpc-",
                        "commons-codec-",
                        "slf4j-api-")) {
            assertTrue(
                    licences.checked().stream().anyMatch(c -> c.startsWith(dependency)),
                    "the licence files of " + dependency + " were compared: " + licences.checked());
        }
        assertEquals(
                Files.readString(MODULE.resolve("../LICENSE")),
                jar.text("META-INF/akguard/LICENSE"));
        assertTrue(jar.text("about.html").contains("Eclipse"), "lsp4j's about.html (EPL-2.0)");
        assertTrue(
                jar.contains("META-INF/maven/org.eclipse.jgit/org.eclipse.jgit/pom.xml"),
                "JGit's declared licence");
    }

    @Test
    void servesDiagnosticsWhenStartedAsTheExtensionStartsIt() throws Exception {
        Keys k = new Keys(15);
        Path stderr = root.resolve("stderr.txt");
        Process p =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                JAR.toString(),
                                "lsp",
                                "--stdio")
                        .redirectError(stderr.toFile())
                        .start();
        try {
            RecordingClient client = new RecordingClient();
            Launcher<LanguageServer> l =
                    LSPLauncher.createClientLauncher(
                            client, p.getInputStream(), p.getOutputStream());
            l.startListening();
            ServerHarness h = ServerHarness.remote(l.getRemoteProxy(), client, root);
            h.initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
            assertEquals("akguard", h.initializeResult.getServerInfo().getName());
            String uri =
                    h.open(
                            "app.env",
                            "properties",
                            "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                    + k.id
                                    + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                    + k.secret
                                    + "\n");
            PublishDiagnosticsParams d = client.awaitVersion(uri, 1);
            assertEquals(2, d.getDiagnostics().size());
            assertEquals("alibaba-access-key-pair", d.getDiagnostics().get(0).getCode().getLeft());
            h.server.shutdown().get(30, TimeUnit.SECONDS);
            h.server.exit();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server exits after shutdown + exit");
            assertEquals(0, p.exitValue());
            String log = Files.readString(stderr);
            assertFalse(log.contains("SLF4J"), "no logging-provider warning: " + log);
            assertFalse(log.contains(k.secret), "the secret never reaches the log");
        } finally {
            p.destroyForcibly();
        }
    }
}
