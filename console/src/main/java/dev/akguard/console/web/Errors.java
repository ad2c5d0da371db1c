package dev.akguard.console.web;

import dev.akguard.console.service.ConsoleService;
import dev.akguard.console.webhook.WebhookIntake;
import dev.akguard.monitor.alibaba.AlibabaCredentialsException;
import dev.akguard.monitor.alibaba.CallRecordException;
import dev.akguard.monitor.alibaba.RamAdminException;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.IllegalTransitionException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps failures to statuses with a message saying what happened and what to do: JSON {@code
 * {"error": ...}} for the API and the webhook, a page for the console (a GET without a session goes
 * to the login form).
 */
final class Errors {
    private static final Logger LOG = Logger.getLogger(Errors.class.getName());
    private final Renderer renderer;

    Errors(Renderer renderer) {
        this.renderer = renderer;
    }

    void handle(Exception e, Context ctx) {
        int status;
        String message = e.getMessage();
        if (e instanceof HttpError h) status = h.status();
        else if (e instanceof AlertNotFoundException) status = 404;
        else if (e instanceof IllegalTransitionException) status = 409;
        else if (e instanceof ConsoleService.NotFound) status = 404;
        else if (e instanceof IllegalArgumentException || e instanceof WebhookIntake.BadDelivery)
            status = 400;
        else if (e instanceof WebhookIntake.Busy) status = 503;
        else if (e instanceof RamAdminException
                || e instanceof CallRecordException
                || e instanceof GitHubException
                || e instanceof AlibabaCredentialsException) status = 502;
        else {
            status = 500;
            LOG.log(Level.WARNING, "request " + ctx.method() + " " + ctx.path() + " failed", e);
            message = "internal error (" + e.getClass().getSimpleName() + "); see the server log";
        }
        if (message == null) message = "error " + status;
        respond(ctx, status, message);
    }

    void notFound(Context ctx) {
        String body = ctx.result();
        if (body != null && !body.isEmpty()) return;
        respond(ctx, 404, "not found");
    }

    private void respond(Context ctx, int status, String message) {
        String path = ctx.path();
        if (path.startsWith("/api/") || path.equals("/github/webhook") || path.equals("/metrics")) {
            ctx.status(status)
                    .contentType("application/json; charset=utf-8")
                    .result("{\"error\": " + ConsoleServer.jsonString(message) + "}");
            return;
        }
        String accept = ctx.header("Accept");
        if (status == 401
                && "GET".equals(ctx.method().name())
                && accept != null
                && accept.contains("text/html")) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        ctx.status(status);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "page",
                new PageModel(
                        ctx.attribute(WebAuth.PRINCIPAL), ctx.attribute(WebAuth.CSRF), "", null));
        p.put("status", status);
        p.put("message", message);
        renderer.render(ctx, "error.jte", p);
        ctx.status(status);
    }
}
