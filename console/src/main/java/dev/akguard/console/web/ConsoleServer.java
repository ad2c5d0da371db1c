package dev.akguard.console.web;

import dev.akguard.console.ConsoleSettings;
import dev.akguard.console.auth.Accounts;
import dev.akguard.console.auth.LoginThrottle;
import dev.akguard.console.auth.PasswordHasher;
import dev.akguard.console.auth.Principal;
import dev.akguard.console.auth.Sessions;
import dev.akguard.console.service.ConsoleService;
import dev.akguard.console.webhook.WebhookIntake;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The HTTP side of `monitor serve`: console pages, REST API, GitHub webhooks, health and metrics,
 * on Javalin (Jetty). Every request passes {@link #before}: security headers, then authentication
 * (bearer token for {@code /api/}, session or trusted SSO for pages), then the CSRF check on every
 * console POST. Only {@code /healthz}, the login form, static files, the signed webhook and {@code
 * /metrics} (its own check) are reachable without signing in.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger ACCESS = Logger.getLogger("dev.akguard.console.access");
    static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    private static final Set<String> PUBLIC =
            Set.of("/healthz", "/login", "/github/webhook", "/metrics", "/favicon.ico");

    private final ConsoleSettings settings;
    private final ConsoleService service;
    private final WebAuth auth;
    private final ConsoleMetrics metrics;
    private final Javalin app;
    private final WebhookIntake intake;

    /**
     * @param onQueued called after a webhook queued work (wakes the watcher so the push is scanned
     *     within seconds)
     */
    public ConsoleServer(
            ConsoleSettings settings,
            ConsoleService service,
            PasswordHasher hasher,
            ConsoleMetrics metrics,
            Runnable onQueued) {
        this.settings = settings;
        this.service = service;
        this.metrics = metrics;
        Accounts accounts = new Accounts(service.database(), hasher, service.clock());
        this.auth =
                new WebAuth(
                        settings,
                        accounts,
                        new Sessions(service.database(), service.clock()),
                        LoginThrottle.standard(service.clock()));
        TemplateEngine templates =
                TemplateEngine.createPrecompiled(
                        null,
                        ContentType.Html,
                        ConsoleServer.class.getClassLoader(),
                        "dev.akguard.console.templates");
        Renderer renderer = new Renderer(templates);
        Pages pages = new Pages(service, auth, renderer);
        Api api = new Api(service);
        this.intake = new WebhookIntake(service.database(), service.clock());
        WebhookEndpoint webhook =
                new WebhookEndpoint(settings.webhookSecret(), intake, metrics, onQueued);
        Assets assets = new Assets();
        Errors errors = new Errors(renderer);
        this.app =
                Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.startup.showOldJavalinVersionWarning = false;
                            config.http.maxRequestSize =
                                    26L * 1024 * 1024; // GitHub caps webhook payloads at 25 MB
                            config.jetty.host = settings.host();
                            config.jetty.port = settings.port();
                            config.jetty.modifyServer(server -> server.setStopTimeout(10_000));
                            if (settings.tls()) {
                                config.jetty.addConnector(
                                        (server, http) -> {
                                            SslContextFactory.Server ssl =
                                                    new SslContextFactory.Server();
                                            ssl.setKeyStorePath(settings.keystore().toString());
                                            ssl.setKeyStorePassword(
                                                    new String(settings.keystorePassword()));
                                            http.addCustomizer(new SecureRequestCustomizer(false));
                                            ServerConnector c =
                                                    new ServerConnector(
                                                            server,
                                                            ssl,
                                                            new HttpConnectionFactory(http));
                                            c.setHost(settings.host());
                                            c.setPort(settings.port());
                                            return c;
                                        });
                            }
                            config.requestLogger.http(
                                    (ctx, ms) -> {
                                        metrics.response(ctx.statusCode());
                                        Principal p = ctx.attribute(WebAuth.PRINCIPAL);
                                        ACCESS.info(
                                                () ->
                                                        "{\"event\":\"http\",\"method\":\""
                                                                + ctx.method()
                                                                + "\",\"path\":"
                                                                + jsonString(ctx.path())
                                                                + ",\"status\":"
                                                                + ctx.statusCode()
                                                                + ",\"ms\":"
                                                                + Math.round(ms)
                                                                + ",\"user\":"
                                                                + (p == null
                                                                        ? "null"
                                                                        : jsonString(p.actor()))
                                                                + ",\"ip\":"
                                                                + jsonString(auth.clientIp(ctx))
                                                                + "}");
                                    });
                            var r = config.routes;
                            r.before(this::before);
                            r.exception(Exception.class, errors::handle);
                            r.error(404, errors::notFound);

                            r.get(
                                    "/healthz",
                                    ctx -> {
                                        boolean ok = service.query().ping();
                                        ctx.status(ok ? 200 : 503)
                                                .contentType("text/plain; charset=utf-8")
                                                .result(ok ? "ok\n" : "database not answering\n");
                                    });
                            r.get(
                                    "/metrics",
                                    ctx -> {
                                        Principal p =
                                                auth.bearer(ctx)
                                                        .or(() -> auth.session(ctx))
                                                        .orElseThrow(
                                                                () ->
                                                                        new HttpError(
                                                                                401,
                                                                                "sign in or send a bearer token"));
                                        if (!"token".equals(p.via())
                                                && !p.can(dev.akguard.console.auth.Role.ADMIN))
                                            throw new HttpError(
                                                    403, "metrics need an admin or an API token");
                                        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                                .result(metrics.render(service.query()));
                                    });
                            r.post("/github/webhook", webhook::handle);
                            r.get("/static/{name}", assets::serve);
                            r.get("/favicon.ico", ctx -> ctx.status(204));

                            r.get("/login", pages::loginForm);
                            r.post("/login", pages::login);
                            r.post("/logout", pages::logout);
                            r.get("/", pages::overview);
                            r.get("/live", pages::live);
                            r.get("/alerts", pages::alerts);
                            r.get("/alerts/{id}", pages::alert);
                            r.post("/alerts/{id}/handle", pages::handle);
                            r.get("/alerts/{id}/apply", pages::applyConfirm);
                            r.post("/alerts/{id}/apply", pages::apply);
                            r.post("/alerts/{id}/unwhitelist", pages::unwhitelist);
                            r.post("/alerts/{id}/verify", pages::verify);
                            r.post("/alerts/{id}/calls", pages::refreshCalls);
                            r.get("/anomalies", pages::anomalies);
                            r.get("/anomalies/{id}", pages::anomaly);
                            r.post("/anomalies/{id}/handle", pages::handleAnomaly);
                            r.post("/anomalies/{id}/unwhitelist", pages::unwhitelistAnomaly);
                            r.get("/notifications", pages::notifications);
                            r.post("/notifications/retry", pages::retryNotifications);

                            r.get("/api/v1/openapi.json", api::openapi);
                            r.get("/api/v1/alerts", api::alerts);
                            r.get("/api/v1/alerts/{id}", api::alert);
                            r.post("/api/v1/alerts/{id}/handle", api::handle);
                            r.post("/api/v1/alerts/{id}/unwhitelist", api::unwhitelist);
                            r.post("/api/v1/alerts/{id}/verify", api::verify);
                            r.get("/api/v1/anomalies", api::anomalies);
                            r.get("/api/v1/anomalies/{id}", api::anomaly);
                            r.post("/api/v1/anomalies/{id}/handle", api::handleAnomaly);
                            r.post("/api/v1/anomalies/{id}/unwhitelist", api::unwhitelistAnomaly);
                            r.get("/api/v1/calls/{accessKeyId}", api::calls);
                        });
    }

    private void before(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        if (settings.tls()) ctx.header("Strict-Transport-Security", "max-age=31536000");
        String path = ctx.path();
        if (!path.startsWith("/static/")) ctx.header("Cache-Control", "no-store");
        if (PUBLIC.contains(path) || path.startsWith("/static/")) return;
        if (path.startsWith("/api/")) {
            if (path.equals("/api/v1/openapi.json")) return;
            Principal p =
                    auth.bearer(ctx)
                            .orElseThrow(
                                    () ->
                                            new HttpError(
                                                    401,
                                                    "missing or unknown bearer token: send Authorization: Bearer TOKEN "
                                                            + "(create one with `akguard monitor tokens create NAME --role viewer`)"));
            ctx.attribute(WebAuth.PRINCIPAL, p);
            return;
        }
        if (auth.session(ctx).isEmpty()) throw new HttpError(401, "sign in first");
        if (!"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name()))
            auth.checkCsrf(ctx);
    }

    public ConsoleServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting, lets running requests finish (up to ten seconds). */
    @Override
    public void close() {
        app.stop();
        intake.close();
    }

    static String jsonString(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
