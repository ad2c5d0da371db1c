package dev.akguard.lsp;

import static dev.akguard.lsp.support.ServerHarness.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.akguard.lsp.commands.Commands;
import dev.akguard.lsp.support.Keys;
import dev.akguard.lsp.support.ServerHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in-process with a recording client: the document lifecycle, settings, suppression and
 * commands.
 */
@Timeout(60)
class LanguageServerTest {
    @TempDir Path root;
    ServerHarness h;
    final Keys k = new Keys(7);

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) h.close();
    }

    String javaPair() {
        return "class App {\n"
                + "    String accessKeyId = \""
                + k.id
                + "\";\n"
                + "    String accessKeySecret = \""
                + k.secret
                + "\";\n"
                + "}\n";
    }

    @Test
    void openChangeAndCloseKeepDiagnosticsInStepWithTheDocument() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(
                                ServerHarness.pushCapabilities(),
                                "{\"akguard\":{\"debounceMs\":50}}");
        assertEquals(
                TextDocumentSyncKind.Incremental,
                h.initializeResult.getCapabilities().getTextDocumentSync().getRight().getChange());
        assertNull(
                h.initializeResult.getCapabilities().getDiagnosticProvider(),
                "push clients get no pull provider");

        String uri = h.open("App.java", "java", javaPair());
        PublishDiagnosticsParams p = h.client.awaitVersion(uri, 1);
        assertEquals(2, p.getDiagnostics().size(), "one on the ID, one on the secret");
        Diagnostic id = p.getDiagnostics().get(0), secret = p.getDiagnostics().get(1);
        assertEquals(range(1, 26, 1, 26 + k.id.length()), id.getRange());
        assertEquals(range(2, 30, 2, 60), secret.getRange());
        assertEquals(DiagnosticSeverity.Error, id.getSeverity());
        assertEquals("akguard", id.getSource());
        assertEquals("alibaba-access-key-pair", id.getCode().getLeft());
        assertTrue(
                id.getCodeDescription()
                        .getHref()
                        .endsWith("docs/rules/alibaba-access-key-pair.md"));
        assertTrue(
                id.getMessage().contains("at line 3, column 31"),
                "names where the secret is: " + id.getMessage());
        assertTrue(id.getMessage().contains(k.secret.substring(0, 3) + "…"));
        assertFalse(id.getMessage().contains(k.secret), "never the full secret");
        assertFalse(secret.getMessage().contains(k.secret), "never the full secret");
        assertEquals(
                range(2, 30, 2, 60), id.getRelatedInformation().get(0).getLocation().getRange());
        assertEquals(id.getRange(), secret.getRelatedInformation().get(0).getLocation().getRange());
        assertTrue(secret.getMessage().contains("ID at line 2, column 27"), secret.getMessage());

        // incremental edit: break the secret (replace its last 10 chars by a placeholder) -> only
        // the ID remains, as a warning
        h.change(uri, 2, range(2, 50, 2, 60), "");
        PublishDiagnosticsParams p2 = h.client.awaitVersion(uri, 2);
        assertEquals(1, p2.getDiagnostics().size(), h.client.summary());
        assertEquals("alibaba-access-key-id", p2.getDiagnostics().get(0).getCode().getLeft());
        assertEquals(DiagnosticSeverity.Warning, p2.getDiagnostics().get(0).getSeverity());

        // an edit that moves the ID down a line: range follows
        h.change(uri, 3, range(0, 0, 0, 0), "// header\n");
        PublishDiagnosticsParams p3 = h.client.awaitVersion(uri, 3);
        assertEquals(2, p3.getDiagnostics().get(0).getRange().getStart().getLine());

        assertTrue(
                h.client.publishingThreads.stream()
                        .allMatch(t -> t.startsWith("akguard-lsp-worker")),
                "scans run on the worker pool, never on the caller's (JSON-RPC) thread: "
                        + h.client.publishingThreads);

        h.close(uri);
        PublishDiagnosticsParams cleared =
                h.client.await(uri, h.client.published.indexOf(p3) + 1, x -> true);
        assertTrue(cleared.getDiagnostics().isEmpty(), "close clears the document's diagnostics");
    }

    @Test
    void aBurstOfEditsIsValidatedOnceAtTheLatestVersion() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(
                                ServerHarness.pushCapabilities(),
                                "{\"akguard\":{\"debounceMs\":1000}}");
        String uri = h.open("App.java", "java", "class App {}\n");
        h.client.awaitVersion(uri, 1);
        String text = javaPair();
        for (int v = 2; v <= 21; v++)
            h.replaceAll(uri, v, text.substring(0, text.length() * (v - 1) / 20));
        PublishDiagnosticsParams last = h.client.awaitVersion(uri, 21);
        assertEquals(2, last.getDiagnostics().size());
        List<Integer> versions =
                h.client.publishedFor(uri).stream()
                        .map(PublishDiagnosticsParams::getVersion)
                        .toList();
        assertEquals(List.of(1, 21), versions, "stale versions are never published");
    }

    @Test
    void pullClientsAreNeverPushedTo() throws Exception {
        h = ServerHarness.inProcess(root).initialize(ServerHarness.pullCapabilities(), null);
        assertNotNull(h.initializeResult.getCapabilities().getDiagnosticProvider());
        String uri = h.open("App.java", "java", javaPair());
        DocumentDiagnosticReport r =
                h.server
                        .getTextDocumentService()
                        .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                        .get(15, TimeUnit.SECONDS);
        assertEquals(2, r.getRelatedFullDocumentDiagnosticReport().getItems().size());
        String resultId = r.getRelatedFullDocumentDiagnosticReport().getResultId();
        DocumentDiagnosticParams again =
                new DocumentDiagnosticParams(new TextDocumentIdentifier(uri));
        again.setPreviousResultId(resultId);
        assertTrue(
                h.server
                        .getTextDocumentService()
                        .diagnostic(again)
                        .get(15, TimeUnit.SECONDS)
                        .isRelatedUnchangedDocumentDiagnosticReport());
        h.change(uri, 2, range(1, 0, 3, 0), "");
        DocumentDiagnosticReport r2 =
                h.server.getTextDocumentService().diagnostic(again).get(15, TimeUnit.SECONDS);
        assertTrue(r2.getRelatedFullDocumentDiagnosticReport().getItems().isEmpty());
        h.close(uri);
        Thread.sleep(300); // give a (wrong) push the time it would need
        assertTrue(h.client.published.isEmpty(), "pushed to a pull client: " + h.client.summary());
    }

    @Test
    void inlineIgnoreConfigAndBaselineAreHonoured() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(
                                ServerHarness.pushCapabilities(),
                                "{\"akguard\":{\"debounceMs\":0}}");
        String ignored = javaPair().replace(k.id + "\";", k.id + "\"; // akguard:ignore");
        String uri = h.open("Ignored.java", "java", ignored);
        assertTrue(
                h.client.awaitVersion(uri, 1).getDiagnostics().isEmpty(),
                "akguard:ignore on the ID's line");

        String uri2 = h.open("App.java", "java", javaPair());
        assertEquals(2, h.client.awaitVersion(uri2, 1).getDiagnostics().size());

        // a config that excludes the file, reloaded through a watched-file event
        Files.writeString(root.resolve(".akguard.json"), "{ \"exclude\": [\"App.java\"] }");
        int mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(
                                List.of(
                                        new FileEvent(
                                                root.resolve(".akguard.json").toUri().toString(),
                                                FileChangeType.Created))));
        assertTrue(
                h.client.await(uri2, mark, x -> true).getDiagnostics().isEmpty(),
                "excluded by .akguard.json");

        // the config now allows the ID instead
        Files.writeString(
                root.resolve(".akguard.json"),
                "{ \"allow\": { \"accessKeyIds\": [\"" + k.id + "\"] } }");
        mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(
                                List.of(
                                        new FileEvent(
                                                root.resolve(".akguard.json").toUri().toString(),
                                                FileChangeType.Changed))));
        assertTrue(
                h.client.await(uri2, mark, x -> true).getDiagnostics().isEmpty(),
                "allowed by .akguard.json");

        // a config that cannot be parsed: the user is told, and the last good settings stay in
        // force
        Files.writeString(root.resolve(".akguard.json"), "{ \"exclude\": ");
        h.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(
                                List.of(
                                        new FileEvent(
                                                root.resolve(".akguard.json").toUri().toString(),
                                                FileChangeType.Changed))));
        assertTrue(
                h.client.shown.stream()
                        .anyMatch(
                                m ->
                                        m.getMessage().contains(".akguard.json")
                                                && m.getMessage().contains("previous settings")),
                "shown: " + h.client.shown);
        Files.delete(root.resolve(".akguard.json"));
        mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(
                                List.of(
                                        new FileEvent(
                                                root.resolve(".akguard.json").toUri().toString(),
                                                FileChangeType.Deleted))));
        assertEquals(
                2,
                h.client.await(uri2, mark, x -> true).getDiagnostics().size(),
                "config removed: the finding is back");
    }

    @Test
    void aWronglyTypedConfigIsReportedAndDiagnosticsGoOn() throws Exception {
        Files.writeString(
                root.resolve(".akguard.json"),
                "{ \"exclude\": [{}], \"rules\": { \"alibaba-access-key-pair\": { \"enabled\": \"yes\" } } }");
        h =
                ServerHarness.inProcess(root)
                        .initialize(
                                ServerHarness.pushCapabilities(),
                                "{\"akguard\":{\"debounceMs\":0}}");
        String uri = h.open("App.java", "java", javaPair());
        assertEquals(
                2,
                h.client.awaitVersion(uri, 1).getDiagnostics().size(),
                "the defaults apply while the config is wrong");
        assertTrue(
                h.client.shown.stream()
                        .anyMatch(
                                m ->
                                        m.getMessage().contains(".akguard.json")
                                                && m.getMessage()
                                                        .contains("'exclude[0]' must be a string")
                                                && m.getMessage().contains("using the defaults")),
                "shown: " + h.client.shown);
    }

    @Test
    void savingTheConfigInTheEditorReloadsItForClientsWithoutWatchers() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.caps("{}"), "{\"debounceMs\":0}");
        assertTrue(
                h.client.registrations.isEmpty(), "no dynamic registration without the capability");
        String uri = h.open("App.java", "java", javaPair());
        assertEquals(2, h.client.awaitVersion(uri, 1).getDiagnostics().size());
        Files.writeString(
                root.resolve(".akguard.json"),
                "{ \"rules\": { \"alibaba-access-key-pair\": { \"severity\": \"warning\" } } }");
        int mark = h.client.published.size();
        h.server
                .getTextDocumentService()
                .didSave(
                        new org.eclipse.lsp4j.DidSaveTextDocumentParams(
                                new TextDocumentIdentifier(
                                        root.resolve(".akguard.json").toUri().toString())));
        assertEquals(
                DiagnosticSeverity.Warning,
                h.client.await(uri, mark, x -> true).getDiagnostics().get(0).getSeverity(),
                "severity from .akguard.json");
        assertTrue(
                h.initializeResult
                        .getCapabilities()
                        .getCodeActionProvider()
                        .getRight()
                        .getCodeActionKinds()
                        .contains("quickfix"));
    }

    @Test
    void aWorkspaceFolderAddedLaterBringsItsOwnConfig() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
        Path other = Files.createDirectories(root.resolve("nested/other"));
        Files.writeString(other.resolve(".akguard.json"), "{ \"exclude\": [\"legacy/\"] }");
        var added =
                new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(
                        List.of(
                                new org.eclipse.lsp4j.WorkspaceFolder(
                                        other.toUri().toString(), "other")),
                        List.of());
        h.server
                .getWorkspaceService()
                .didChangeWorkspaceFolders(
                        new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(added));
        String inOther = h.open("nested/other/legacy/App.java", "java", javaPair());
        assertTrue(
                h.client.awaitVersion(inOther, 1).getDiagnostics().isEmpty(),
                "the innermost folder's config applies");
        String inRoot = h.open("legacy/App.java", "java", javaPair());
        assertEquals(
                2,
                h.client.awaitVersion(inRoot, 1).getDiagnostics().size(),
                "the outer folder has no such exclude");
    }

    @Test
    void editorSettingsChangeSeverityAndExcludes() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
        assertEquals(1, h.client.registrations.size(), "file watcher registered dynamically");
        assertEquals(
                "workspace/didChangeWatchedFiles",
                h.client.registrations.get(0).getRegistrations().get(0).getMethod());
        String uri = h.open("src/App.java", "java", javaPair());
        assertEquals(
                DiagnosticSeverity.Error,
                h.client.awaitVersion(uri, 1).getDiagnostics().get(0).getSeverity());

        int mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(
                        new DidChangeConfigurationParams(
                                ServerHarness.json(
                                        "{\"akguard\":{\"debounceMs\":0,\"severity\":{\"alibaba-access-key-pair\":\"hint\"}}}")));
        assertEquals(
                DiagnosticSeverity.Hint,
                h.client.await(uri, mark, x -> true).getDiagnostics().get(0).getSeverity());

        // the pull model: an empty notification makes the server ask workspace/configuration
        h.client.configuration = ServerHarness.json("{\"debounceMs\":0,\"exclude\":[\"src/**\"]}");
        mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
        assertTrue(
                h.client.await(uri, mark, x -> true).getDiagnostics().isEmpty(),
                "excluded by the editor setting");
        assertFalse(h.client.configurationRequests.isEmpty());

        h.client.configuration =
                ServerHarness.json(
                        "{\"severity\":{\"alibaba-access-key-pair\":\"off\",\"no-such-rule\":\"error\"}}");
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(
                        new DidChangeConfigurationParams(ServerHarness.json("{\"python\":{}}")));
        String uri2 = h.open("Other.java", "java", javaPair());
        assertTrue(
                h.client.awaitVersion(uri2, 1).getDiagnostics().isEmpty(),
                "rule turned off in the editor");
        assertTrue(
                h.client.shown.stream().anyMatch(m -> m.getMessage().contains("no-such-rule")),
                "bad setting reported");
    }

    @Test
    void settingsFromTheClientLayerOverInitializationOptions() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(
                                ServerHarness.pushCapabilities(),
                                "{\"akguard\":{\"debounceMs\":0,\"severity\":{\"alibaba-access-key-id\":\"off\"}}}");
        // the client answered workspace/configuration with null (nothing set): the init options
        // stay
        assertFalse(
                h.client.configurationRequests.isEmpty(),
                "asked for section akguard after initialized");
        String idOnly = "class A { String a = \"" + k.id + "\"; }\n";
        assertTrue(
                h.client
                        .awaitVersion(h.open("A.java", "java", idOnly), 1)
                        .getDiagnostics()
                        .isEmpty());

        h.client.configuration = ServerHarness.json("{\"exclude\":[\"gen/**\"]}");
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
        String uri = h.open("B.java", "java", idOnly);
        assertTrue(
                h.client.awaitVersion(uri, 1).getDiagnostics().isEmpty(),
                "severity from the init options still applies");

        h.client.configuration =
                ServerHarness.json("{\"severity\":{\"alibaba-access-key-id\":\"error\"}}");
        int mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(new DidChangeConfigurationParams(new JsonObject()));
        assertEquals(
                DiagnosticSeverity.Error,
                h.client
                        .await(uri, mark, x -> !x.getDiagnostics().isEmpty())
                        .getDiagnostics()
                        .get(0)
                        .getSeverity());
    }

    @Test
    void codeActionsRespectTheRequestedKinds() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
        String uri = h.open("App.java", "java", javaPair());
        Range at = h.client.awaitVersion(uri, 1).getDiagnostics().get(0).getRange();
        for (List<String> only : List.of(List.of("source.organizeImports"), List.of("refactor"))) {
            var p =
                    new org.eclipse.lsp4j.CodeActionParams(
                            new TextDocumentIdentifier(uri),
                            at,
                            new org.eclipse.lsp4j.CodeActionContext(List.of(), only));
            assertTrue(
                    h.server
                            .getTextDocumentService()
                            .codeAction(p)
                            .get(15, TimeUnit.SECONDS)
                            .isEmpty(),
                    only.toString());
        }
        var p =
                new org.eclipse.lsp4j.CodeActionParams(
                        new TextDocumentIdentifier(uri),
                        at,
                        new org.eclipse.lsp4j.CodeActionContext(List.of(), List.of("quickfix")));
        assertEquals(
                4,
                h.server.getTextDocumentService().codeAction(p).get(15, TimeUnit.SECONDS).size());
    }

    @Test
    void addToBaselineWritesTheFingerprintAndClearsTheFinding() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
        String uri = h.open("App.java", "java", javaPair());
        h.client.awaitVersion(uri, 1);
        List<CodeAction> actions = h.codeActions(uri, range(1, 30, 1, 30));
        CodeAction baseline =
                actions.stream()
                        .filter(
                                a ->
                                        a.getCommand() != null
                                                && a.getCommand()
                                                        .getCommand()
                                                        .equals(Commands.ADD_TO_BASELINE))
                        .findFirst()
                        .orElseThrow();
        int mark = h.client.published.size();
        Object result =
                h.server
                        .getWorkspaceService()
                        .executeCommand(
                                new ExecuteCommandParams(
                                        Commands.ADD_TO_BASELINE,
                                        baseline.getCommand().getArguments()))
                        .get(15, TimeUnit.SECONDS);
        Path file = root.resolve(".akguard-baseline.json");
        assertTrue(result.toString().contains(file.toString()));
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(json.contains("alibaba-access-key-pair:"), json);
        assertFalse(json.contains(k.secret), "the baseline never stores the secret");
        assertFalse(json.contains(k.id), "nor the full ID");
        assertTrue(
                h.client.await(uri, mark, x -> true).getDiagnostics().isEmpty(),
                "accepted findings disappear");
        assertTrue(
                h.client.shown.stream()
                        .anyMatch(
                                m -> m.getMessage().contains("accepted in .akguard-baseline.json")),
                "the user is told");

        // the same file is what `akguard scan` reads
        var engine =
                dev.akguard.core.Engine.create(
                        dev.akguard.core.ScanSettings.load(root, null, null));
        assertTrue(engine.scan(javaPair(), "App.java").isEmpty());

        ExecutionException bad =
                assertThrows(
                        ExecutionException.class,
                        () ->
                                h.server
                                        .getWorkspaceService()
                                        .executeCommand(
                                                new ExecuteCommandParams(
                                                        Commands.ADD_TO_BASELINE,
                                                        List.of(uri, "nope")))
                                        .get(15, TimeUnit.SECONDS));
        ResponseErrorException rpc = assertInstanceOf(ResponseErrorException.class, bad.getCause());
        assertTrue(rpc.getMessage().contains("no current finding"), rpc.getMessage());
    }

    @Test
    void openRuleDocAsksTheClientToOpenAnExternalBrowser() throws Exception {
        h = ServerHarness.inProcess(root).initialize(ServerHarness.pushCapabilities(), null);
        h.server
                .getWorkspaceService()
                .executeCommand(
                        new ExecuteCommandParams(
                                Commands.OPEN_RULE_DOC,
                                List.of(
                                        new com.google.gson.JsonPrimitive(
                                                "alibaba-access-key-id"))))
                .get(15, TimeUnit.SECONDS);
        assertEquals(1, h.client.documentsShown.size());
        assertTrue(h.client.documentsShown.get(0).getExternal());
        assertTrue(
                h.client
                        .documentsShown
                        .get(0)
                        .getUri()
                        .endsWith("/docs/rules/alibaba-access-key-id.md"));
    }

    @Test
    void outOfRangeEditsAreClampedNotFatal() throws Exception {
        h =
                ServerHarness.inProcess(root)
                        .initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
        String uri = h.open("App.java", "java", "class App {}\n");
        h.client.awaitVersion(uri, 1);
        h.change(
                uri,
                2,
                new Range(
                        new org.eclipse.lsp4j.Position(40, 0),
                        new org.eclipse.lsp4j.Position(99, 99)),
                javaPair());
        assertEquals(
                2,
                h.client.awaitVersion(uri, 2).getDiagnostics().size(),
                "text appended at the clamped end");
        assertTrue(h.codeActions(uri, range(500, 0, 900, 3)).isEmpty());
        assertFalse(h.codeActions(uri, range(-1, -1, 2, 999)).isEmpty());
    }

    @Test
    void exitStatusFollowsTheShutdownHandshake() throws Exception {
        h = ServerHarness.inProcess(root).initialize(ServerHarness.pushCapabilities(), null);
        h.server.shutdown().get(15, TimeUnit.SECONDS);
        h.server.exit();
        assertEquals(List.of(0), h.exitCodes);
        ServerHarness other =
                ServerHarness.inProcess(root).initialize(ServerHarness.pushCapabilities(), null);
        other.server.exit();
        assertEquals(List.of(1), other.exitCodes);
    }
}
