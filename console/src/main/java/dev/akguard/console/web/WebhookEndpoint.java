package dev.akguard.console.web;

import dev.akguard.console.webhook.GitHubSignature;
import dev.akguard.console.webhook.WebhookIntake;
import io.javalin.http.Context;

/**
 * {@code POST /github/webhook}: nothing is read or stored before the signature checks out against
 * the raw body. Answers 202 with what was queued (200 for ping, duplicates and events with nothing
 * to scan).
 */
final class WebhookEndpoint {
    private final String secret;
    private final WebhookIntake intake;
    private final ConsoleMetrics metrics;
    private final Runnable onQueued;

    WebhookEndpoint(
            String secret, WebhookIntake intake, ConsoleMetrics metrics, Runnable onQueued) {
        this.secret = secret;
        this.intake = intake;
        this.metrics = metrics;
        this.onQueued = onQueued;
    }

    void handle(Context ctx) {
        if (secret == null || secret.isEmpty()) {
            metrics.webhook("unconfigured");
            throw new HttpError(
                    503,
                    "GitHub webhooks are not configured: set AKGUARD_GITHUB_WEBHOOK_SECRET (or console.webhookSecretEnv in the "
                            + "config file) to the webhook's secret and restart");
        }
        byte[] body = ctx.bodyAsBytes();
        if (!GitHubSignature.verify(secret, ctx.header(GitHubSignature.HEADER), body)) {
            metrics.webhook("bad_signature");
            throw new HttpError(
                    401,
                    "missing or wrong X-Hub-Signature-256: check that the webhook's secret matches AKGUARD_GITHUB_WEBHOOK_SECRET");
        }
        WebhookIntake.Outcome o =
                intake.accept(ctx.header("X-GitHub-Event"), ctx.header("X-GitHub-Delivery"), body);
        metrics.webhook(o.status().name());
        if (o.queued() > 0) onQueued.run();
        ctx.status(o.status() == WebhookIntake.Status.QUEUED ? 202 : 200)
                .contentType("application/json; charset=utf-8")
                .result(
                        "{\"status\": \""
                                + o.status().name().toLowerCase(java.util.Locale.ROOT)
                                + "\", \"queued\": "
                                + o.queued()
                                + (o.detail() == null
                                        ? ""
                                        : ", \"detail\": " + ConsoleServer.jsonString(o.detail()))
                                + "}");
    }
}
