package dev.akguard.console.web;

import dev.akguard.console.auth.Principal;
import dev.akguard.console.auth.Role;
import dev.akguard.console.service.AlertDetail;
import dev.akguard.console.service.AlertFilter;
import dev.akguard.console.service.ConsoleService;
import dev.akguard.monitor.act.KeyHandler;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.outbox.OutboxStatus;
import dev.akguard.monitor.store.Alert;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's pages and form actions. Every action checks the role, then redirects (303) back
 * with a one-time message.
 */
final class Pages {
    private final ConsoleService service;
    private final WebAuth auth;
    private final Renderer renderer;

    /** One-time messages shown after a redirect, per session (bounded). */
    private final Map<String, String> flashes = new ConcurrentHashMap<>();

    Pages(ConsoleService service, WebAuth auth, Renderer renderer) {
        this.service = service;
        this.auth = auth;
        this.renderer = renderer;
    }

    // ---- sign in
    // --------------------------------------------------------------------------------------------

    void loginForm(Context ctx) {
        if (auth.session(ctx).isPresent()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        loginPage(ctx, 200, null);
    }

    private void loginPage(Context ctx, int status, String error) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("page", new PageModel(null, null, "login", null));
        p.put("token", auth.loginToken(ctx));
        p.put("error", error);
        renderer.render(ctx, "login.jte", p);
        ctx.status(status);
    }

    void login(Context ctx) {
        switch (auth.login(ctx)) {
            case OK -> ctx.redirect("/", HttpStatus.SEE_OTHER);
            case BAD_FORM ->
                    loginPage(
                            ctx,
                            403,
                            "The sign-in form expired or was not sent from this page; try again.");
            case THROTTLED ->
                    loginPage(
                            ctx,
                            429,
                            "Too many failed sign-ins; wait a few minutes and try again.");
            case WRONG -> loginPage(ctx, 401, "Wrong user name or password.");
        }
    }

    void logout(Context ctx) {
        auth.logout(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    // ---- reading
    // --------------------------------------------------------------------------------------------

    void overview(Context ctx) {
        Map<String, Object> p = model(ctx, "overview");
        p.put("counts", service.query().countsByStatusAndValidity());
        LocalDate today = LocalDate.now(service.clock().withZone(ZoneOffset.UTC));
        p.put("perDay", chart(service.query().newPerDay(today, 30)));
        p.put(
                "urgent",
                service.list(
                        new AlertFilter(
                                AlertStatus.UNHANDLED,
                                Validity.VALID,
                                null,
                                null,
                                null,
                                null,
                                null,
                                AlertFilter.Sort.LAST_SEEN,
                                false,
                                1,
                                10)));
        p.put("anomalies", service.anomalies(null).stream().limit(5).toList());
        p.put("sources", service.query().pollCursors());
        p.put("queue", service.query().statusCounts("push_queue"));
        p.put("outbox", service.query().statusCounts("outbox"));
        renderer.render(ctx, "overview.jte", p);
    }

    /**
     * The live-update marker the page script polls: it reloads its live region when this changes.
     */
    void live(Context ctx) {
        long[] m = service.query().marker();
        ctx.contentType("application/json; charset=utf-8")
                .result("{\"marker\": \"" + m[0] + "-" + m[1] + "-" + m[2] + "\"}");
    }

    void alerts(Context ctx) {
        AlertFilter f = AlertFilter.parse(ctx::queryParam);
        Map<String, Object> p = model(ctx, "alerts");
        p.put("list", service.list(f));
        p.put("links", new ListLinks(f));
        renderer.render(ctx, "alerts.jte", p);
    }

    void alert(Context ctx) {
        AlertDetail d = service.detail(Api.id(ctx));
        Map<String, Object> p = model(ctx, "alerts");
        p.put("d", d);
        p.put("callsPerHour", callsPerHour(d.calls()));
        renderer.render(ctx, "alert.jte", p);
    }

    void anomalies(Context ctx) {
        Map<String, Object> p = model(ctx, "anomalies");
        p.put("anomalies", service.anomalies(null));
        renderer.render(ctx, "anomalies.jte", p);
    }

    void anomaly(Context ctx) {
        Map<String, Object> p = model(ctx, "anomalies");
        p.put("a", service.anomaly(Api.id(ctx)));
        renderer.render(ctx, "anomaly.jte", p);
    }

    void notifications(Context ctx) {
        Map<String, Object> p = model(ctx, "notifications");
        p.put("channels", channels(service.notificationSettings()));
        p.put("warnings", service.notificationWarnings());
        p.put("inbox", service.inbox(50));
        p.put("pending", service.outbox(OutboxStatus.PENDING, 50));
        p.put("dead", service.outbox(OutboxStatus.DEAD, 50));
        renderer.render(ctx, "notifications.jte", p);
    }

    // ---- actions
    // --------------------------------------------------------------------------------------------

    void handle(Context ctx) {
        Principal p = Api.need(ctx, Role.RESPONDER);
        long id = Api.id(ctx);
        HandlingMethod method = method(ctx.formParam("method"));
        String note = ctx.formParam("note");
        if ("on".equals(ctx.formParam("apply"))) {
            Api.need(ctx, Role.ADMIN);
            if (method == HandlingMethod.WHITELIST)
                throw new IllegalArgumentException(
                        "RAM actions are for disabled or deleted; whitelisting only records");
            // the confirmation step: a page that says what will happen, posted again with confirm
            applyPage(ctx, service.alert(id), method, note);
            return;
        }
        Alert a = service.handle(id, method, note, p);
        done(
                ctx,
                id,
                "Alert " + id + " handled: " + View.status(a.status(), a.handlingMethod()) + ".");
    }

    void applyConfirm(Context ctx) {
        Api.need(ctx, Role.ADMIN);
        applyPage(ctx, service.alert(Api.id(ctx)), method(ctx.queryParam("method")), null);
    }

    private void applyPage(Context ctx, Alert a, HandlingMethod method, String note) {
        if (method == HandlingMethod.WHITELIST)
            throw new IllegalArgumentException("RAM actions are for disabled or deleted");
        Map<String, Object> p = model(ctx, "alerts");
        p.put("alert", a);
        p.put("method", method.json());
        p.put("deleting", method == HandlingMethod.DELETED);
        p.put("note", note == null ? "" : note);
        renderer.render(ctx, "confirm.jte", p);
    }

    void apply(Context ctx) throws InterruptedException {
        Principal p = Api.need(ctx, Role.ADMIN);
        long id = Api.id(ctx);
        HandlingMethod method = method(ctx.formParam("method"));
        Alert a = service.alert(id);
        boolean confirmed =
                method == HandlingMethod.DELETED
                        ? a.accessKeyId().equals(trim(ctx.formParam("confirmKey")))
                        : "yes".equals(ctx.formParam("confirm"));
        if (!confirmed) {
            throw new IllegalArgumentException(
                    method == HandlingMethod.DELETED
                            ? "not deleted: type the AccessKey ID to confirm the deletion"
                            : "not disabled: tick the confirmation box");
        }
        KeyHandler.Result r = service.applyThroughRam(id, method, ctx.formParam("note"), p);
        done(
                ctx,
                id,
                "AccessKey "
                        + a.accessKeyId()
                        + (method == HandlingMethod.DISABLED ? " disabled" : " deleted")
                        + " through RAM (user "
                        + r.key().userName()
                        + "); re-verified: "
                        + r.validityAfter()
                        + (r.proven() ? "." : " — not as expected, verify again."));
    }

    void unwhitelist(Context ctx) {
        Principal p = Api.need(ctx, Role.RESPONDER);
        long id = Api.id(ctx);
        service.unwhitelist(id, ctx.formParam("note"), p);
        done(ctx, id, "Whitelist cancelled: alert " + id + " is unhandled again.");
    }

    void verify(Context ctx) throws InterruptedException {
        Principal p = Api.need(ctx, Role.RESPONDER);
        long id = Api.id(ctx);
        var o = service.verify(id, p);
        done(
                ctx,
                id,
                "Verified: "
                        + o.result().validity()
                        + (o.result().detail() == null ? "" : " (" + o.result().detail() + ")")
                        + ".");
    }

    void refreshCalls(Context ctx) {
        Principal p = Api.need(ctx, Role.RESPONDER);
        long id = Api.id(ctx);
        int n = service.refreshCalls(id, p);
        done(ctx, id, "Call records refreshed from ActionTrail: " + n + " new.");
    }

    void handleAnomaly(Context ctx) {
        Principal p = Api.need(ctx, Role.RESPONDER);
        long id = Api.id(ctx);
        service.handleAnomaly(id, method(ctx.formParam("method")), ctx.formParam("note"), p);
        flash(ctx, "Anomaly " + id + " handled.");
        ctx.redirect("/anomalies/" + id, HttpStatus.SEE_OTHER);
    }

    void unwhitelistAnomaly(Context ctx) {
        Principal p = Api.need(ctx, Role.RESPONDER);
        long id = Api.id(ctx);
        service.unwhitelistAnomaly(id, ctx.formParam("note"), p);
        flash(ctx, "Whitelist cancelled for anomaly " + id + ".");
        ctx.redirect("/anomalies/" + id, HttpStatus.SEE_OTHER);
    }

    void retryNotifications(Context ctx) {
        Api.need(ctx, Role.ADMIN);
        int n = service.retryDeadNotifications();
        flash(ctx, n + " dead notification(s) queued again.");
        ctx.redirect("/notifications", HttpStatus.SEE_OTHER);
    }

    // ---- helpers
    // --------------------------------------------------------------------------------------------

    private void done(Context ctx, long id, String message) {
        flash(ctx, message);
        ctx.redirect("/alerts/" + id, HttpStatus.SEE_OTHER);
    }

    private void flash(Context ctx, String message) {
        String sid = ctx.attribute(WebAuth.SESSION_ID);
        if (sid == null) return;
        if (flashes.size() > 10_000) flashes.clear();
        flashes.put(sid, message);
    }

    private Map<String, Object> model(Context ctx, String nav) {
        String sid = ctx.attribute(WebAuth.SESSION_ID);
        String flash = sid == null ? null : flashes.remove(sid);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(
                "page",
                new PageModel(
                        ctx.attribute(WebAuth.PRINCIPAL), ctx.attribute(WebAuth.CSRF), nav, flash));
        return p;
    }

    private static HandlingMethod method(String s) {
        try {
            return HandlingMethod.parse(s == null ? "" : s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method: choose deleted, disabled or whitelist");
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** Chart data for the page script: "x1,x2,...;y1,y2,..." with x in epoch seconds. */
    static String chart(Map<LocalDate, Long> perDay) {
        StringBuilder xs = new StringBuilder(), ys = new StringBuilder();
        perDay.forEach(
                (d, n) -> {
                    if (xs.length() > 0) {
                        xs.append(',');
                        ys.append(',');
                    }
                    xs.append(d.atStartOfDay().toEpochSecond(ZoneOffset.UTC));
                    ys.append(n);
                });
        return xs + ";" + ys;
    }

    /**
     * Calls per hour over the stored records (empty hours included between the first and the last).
     */
    static String callsPerHour(List<CallRecord> calls) {
        if (calls.isEmpty()) return "";
        TreeMap<Instant, Long> hours = new TreeMap<>();
        for (CallRecord c : calls)
            hours.merge(c.eventTime().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
        StringBuilder xs = new StringBuilder(), ys = new StringBuilder();
        int n = 0;
        for (Instant h = hours.firstKey();
                !h.isAfter(hours.lastKey()) && n < 24 * 31;
                h = h.plus(1, ChronoUnit.HOURS), n++) {
            if (xs.length() > 0) {
                xs.append(',');
                ys.append(',');
            }
            xs.append(h.getEpochSecond());
            ys.append(hours.getOrDefault(h, 0L));
        }
        return xs + ";" + ys;
    }

    static List<ChannelView> channels(NotificationSettings s) {
        List<ChannelView> out = new ArrayList<>();
        out.add(
                new ChannelView(
                        "inbox", s.inbox.enabled, "this console's Notifications page", "—"));
        NotificationSettings.Email e = s.email;
        out.add(
                new ChannelView(
                        "email",
                        e.enabled,
                        (e.host == null ? "(no SMTP host)" : e.host + ":" + e.port)
                                + " → "
                                + (e.recipients.isEmpty()
                                        ? "(no recipients)"
                                        : String.join(", ", e.recipients)),
                        e.password != null && !e.password.isEmpty()
                                ? "(set)"
                                : e.passwordEnv != null ? "from $" + e.passwordEnv : "(none)"));
        for (NotificationSettings.Webhook w : s.webhooks) {
            String site = Links.site(w.url);
            out.add(
                    new ChannelView(
                            "webhook:" + w.name,
                            w.enabled,
                            w.format.name().toLowerCase(Locale.ROOT)
                                    + " → "
                                    + (site == null ? "(no URL)" : site + "/… (set)"),
                            w.secret != null && !w.secret.isEmpty()
                                    ? "(set)"
                                    : w.secretEnv != null ? "from $" + w.secretEnv : "(none)"));
        }
        return out;
    }
}
