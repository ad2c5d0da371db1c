package dev.akguard.lsp;

import dev.akguard.core.report.Version;
import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.lsp.actions.CodeActionService;
import dev.akguard.lsp.commands.CommandService;
import dev.akguard.lsp.commands.Commands;
import dev.akguard.lsp.document.DocumentStore;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.launch.ParentProcessWatcher;
import dev.akguard.lsp.project.ProjectRegistry;
import dev.akguard.lsp.settings.ClientSettings;
import dev.akguard.lsp.validation.ValidationService;
import dev.akguard.lsp.validation.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The akguard language server: lifecycle and capability negotiation. The protocol adapters ({@link
 * DocumentsAdapter}, {@link WorkspaceAdapter}) only translate messages; the work happens in plain
 * services (validation, code actions, commands) that know nothing about JSON-RPC and run on a
 * worker pool, so the JSON-RPC thread never waits for a scan.
 */
public final class AkguardLanguageServer implements LanguageServer, LanguageClientAware {
    static final String WATCHER_REGISTRATION_ID = "akguard-config-watcher";

    private final ServerOptions options;
    private final ServerLog log;
    private final ScheduledThreadPoolExecutor workers;
    private final DocumentStore documents = new DocumentStore();
    private final ProjectRegistry projects;
    private final ValidationService validation;
    private final CommandService commands;
    private final ParentProcessWatcher parentWatcher;
    private final DocumentsAdapter documentsAdapter;
    private final WorkspaceAdapter workspaceAdapter;
    private volatile ClientSettings settings = ClientSettings.DEFAULTS;

    /** From initializationOptions: the base that later settings layer over. */
    private volatile ClientSettings initialSettings = ClientSettings.DEFAULTS;

    private volatile ClientCapabilities capabilities = new ClientCapabilities();
    private volatile CodeActionService codeActions = new CodeActionService(false);
    private volatile LanguageClient client;
    private volatile boolean shutdownRequested;

    public AkguardLanguageServer(ServerOptions options) {
        this.options = options;
        this.log = new ServerLog(options.log());
        this.workers =
                new ScheduledThreadPoolExecutor(
                        options.workerThreads(), daemonThreads("akguard-lsp-worker"));
        workers.setRemoveOnCancelPolicy(
                true); // cancelled debounce timers must not pile up while the user types
        this.projects = new ProjectRegistry(log::showError);
        this.validation =
                new ValidationService(
                        documents,
                        new Validator(projects),
                        () -> settings,
                        workers,
                        p -> {
                            LanguageClient c = client;
                            if (c != null) c.publishDiagnostics(p);
                        },
                        log);
        this.commands = new CommandService(documents, projects, validation, this::revalidateAll);
        this.parentWatcher = new ParentProcessWatcher(workers, log, options.exit());
        this.documentsAdapter = new DocumentsAdapter(this);
        this.workspaceAdapter = new WorkspaceAdapter(this);
    }

    @Override
    public void connect(LanguageClient c) {
        this.client = c;
        log.connect(c);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ClientCapabilities caps =
                params.getCapabilities() == null
                        ? new ClientCapabilities()
                        : params.getCapabilities();
        this.capabilities = caps;
        this.codeActions = new CodeActionService(ClientFeatures.documentChanges(caps));
        initialSettings = ClientSettings.from(params.getInitializationOptions(), log::showError);
        settings = initialSettings;
        projects.setWorkspaceRoots(roots(params));
        boolean pull = ClientFeatures.pullDiagnostics(caps);
        validation.setPush(!pull);
        log.setVerbose("verbose".equals(params.getTrace()));
        if (params.getProcessId() != null)
            parentWatcher.watch(params.getProcessId(), options.parentPollMs());
        log.info(
                "akguard "
                        + Version.get()
                        + " language server for "
                        + clientName(params)
                        + ", roots "
                        + projects.workspaceRoots()
                        + ", diagnostics "
                        + (pull ? "pulled by the client" : "pushed"));
        return CompletableFuture.completedFuture(
                new InitializeResult(
                        serverCapabilities(pull), new ServerInfo("akguard", Version.get())));
    }

    private static ServerCapabilities serverCapabilities(boolean pull) {
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        c.setTextDocumentSync(sync);
        c.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        c.setExecuteCommandProvider(new ExecuteCommandOptions(Commands.ALL));
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        c.setWorkspace(new WorkspaceServerCapabilities(folders));
        if (pull) {
            DiagnosticRegistrationOptions d = new DiagnosticRegistrationOptions(false, false);
            d.setIdentifier("akguard");
            c.setDiagnosticProvider(d);
        }
        return c;
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (c == null) return;
        if (ClientFeatures.dynamicWatchers(capabilities)) {
            List<FileSystemWatcher> watchers =
                    List.of(
                            new FileSystemWatcher(Either.forLeft("**/" + Config.FILE_NAME)),
                            new FileSystemWatcher(Either.forLeft("**/" + Baseline.FILE_NAME)));
            c.registerCapability(
                            new RegistrationParams(
                                    List.of(
                                            new Registration(
                                                    WATCHER_REGISTRATION_ID,
                                                    "workspace/didChangeWatchedFiles",
                                                    new DidChangeWatchedFilesRegistrationOptions(
                                                            watchers)))))
                    .exceptionally(
                            e -> {
                                log.warn("the client refused the file watcher: " + e.getMessage());
                                return null;
                            });
        }
        pullConfiguration();
    }

    /** Asks the client for section "akguard" (workspace/configuration) when it supports that. */
    void pullConfiguration() {
        LanguageClient c = client;
        if (c == null || !ClientFeatures.configuration(capabilities)) return;
        ConfigurationItem item = new ConfigurationItem();
        item.setSection(ClientSettings.SECTION);
        c.configuration(new ConfigurationParams(List.of(item)))
                .thenAccept(
                        values -> {
                            if (values != null && !values.isEmpty())
                                applySettings(values.get(0)); // null: nothing set there
                        })
                .exceptionally(
                        e -> {
                            log.warn("workspace/configuration failed: " + e.getMessage());
                            return null;
                        });
    }

    /**
     * New editor settings (layered over initializationOptions); re-validates open documents when
     * they change anything.
     */
    void applySettings(Object raw) {
        ClientSettings next = ClientSettings.from(raw, initialSettings, log::showError);
        if (next.equals(settings)) return;
        settings = next;
        log.info(
                "settings: severity "
                        + next.severities()
                        + ", exclude "
                        + next.exclude()
                        + ", debounce "
                        + next.debounceMs()
                        + " ms");
        revalidateAll();
    }

    /**
     * Config, baseline or settings changed: stale results go; pushed diagnostics are redone, pull
     * clients are told to ask again.
     */
    void revalidateAll() {
        validation.invalidateAll();
        LanguageClient c = client;
        if (!validation.push() && c != null && ClientFeatures.diagnosticRefresh(capabilities)) {
            c.refreshDiagnostics().exceptionally(e -> null);
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        parentWatcher.stop();
        workers.shutdownNow();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        parentWatcher.stop();
        workers.shutdownNow();
        options.exit().accept(shutdownRequested ? 0 : 1);
    }

    @Override
    public void setTrace(SetTraceParams params) {
        log.setVerbose(params != null && "verbose".equals(params.getValue()));
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documentsAdapter;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceAdapter;
    }

    // --- for the adapters (same package) ---
    DocumentStore documents() {
        return documents;
    }

    ProjectRegistry projects() {
        return projects;
    }

    ValidationService validation() {
        return validation;
    }

    CommandService commands() {
        return commands;
    }

    CodeActionService codeActions() {
        return codeActions;
    }

    ClientCapabilities capabilities() {
        return capabilities;
    }

    ClientSettings settings() {
        return settings;
    }

    LanguageClient client() {
        return client;
    }

    ScheduledThreadPoolExecutor workers() {
        return workers;
    }

    ServerLog log() {
        return log;
    }

    /**
     * Workspace folders, else the deprecated rootUri/rootPath that older clients (Neovim 0.7 among
     * them) still send.
     */
    @SuppressWarnings("deprecation")
    private List<Path> roots(InitializeParams p) {
        List<Path> out = new ArrayList<>();
        if (p.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : p.getWorkspaceFolders()) {
                Path path = Uris.toPath(f.getUri());
                if (path != null) out.add(path);
            }
        }
        if (out.isEmpty() && p.getRootUri() != null) {
            Path path = Uris.toPath(p.getRootUri());
            if (path != null) out.add(path);
        }
        String rootPath = p.getRootPath();
        if (out.isEmpty() && rootPath != null && !rootPath.isBlank()) out.add(Path.of(rootPath));
        return out;
    }

    private static String clientName(InitializeParams p) {
        return p.getClientInfo() == null
                ? "an unnamed client"
                : p.getClientInfo().getName()
                        + " "
                        + Objects.toString(p.getClientInfo().getVersion(), "");
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
