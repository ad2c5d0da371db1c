package dev.akguard.console.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.akguard.console.auth.Principal;
import dev.akguard.console.auth.Role;
import dev.akguard.console.json.AlertExtras;
import dev.akguard.console.json.MonitorJson;
import dev.akguard.console.service.AlertFilter;
import dev.akguard.console.service.AlertQuery;
import dev.akguard.console.service.ConsoleService;
import dev.akguard.monitor.act.KeyHandler;
import dev.akguard.monitor.model.HandlingMethod;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * REST API {@code /api/v1}: the JSON shapes of the CLI's {@code --format json} ({@link
 * MonitorJson}, {@link AlertExtras}), a single object for one alert. Paging of the list is in
 * {@code X-Total-Count} and {@code Link} headers, so the body stays the CLI's array.
 */
final class Api {
    private final ConsoleService service;
    private final byte[] openapi;

    Api(ConsoleService service) {
        this.service = service;
        try (InputStream in = Api.class.getResourceAsStream("/dev/akguard/console/openapi.json")) {
            if (in == null) throw new IllegalStateException("missing openapi.json (broken build)");
            this.openapi = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void openapi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openapi);
    }

    void alerts(Context ctx) {
        AlertFilter f = AlertFilter.parse(ctx::queryParam);
        AlertQuery.Page page = service.list(f);
        AlertExtras extras = service.extras();
        JsonArray arr = new JsonArray();
        for (AlertQuery.Row r : page.rows()) arr.add(extras.json(service.alert(r.id())));
        ctx.header("X-Total-Count", Long.toString(page.total()));
        if (f.page() < page.pages())
            ctx.header(
                    "Link",
                    "</api/v1/alerts"
                            + Links.query(f.withPage(f.page() + 1).params())
                            + ">; rel=\"next\"");
        json(ctx, 200, arr);
    }

    void alert(Context ctx) {
        json(ctx, 200, service.extras().json(service.alert(id(ctx))));
    }

    void handle(Context ctx) {
        Principal p = need(ctx, Role.RESPONDER);
        long id = id(ctx);
        JsonObject body = body(ctx);
        String m = string(body, "method");
        if (m == null)
            throw new IllegalArgumentException(
                    "method: required, one of deleted, disabled, whitelist");
        HandlingMethod method;
        try {
            method = HandlingMethod.parse(m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method: use deleted, disabled or whitelist");
        }
        String note = string(body, "note");
        boolean apply =
                body.has("apply")
                        && body.get("apply").isJsonPrimitive()
                        && body.get("apply").getAsBoolean();
        if (apply) {
            if (!p.can(Role.ADMIN))
                throw new HttpError(
                        403, "apply acts on the key through RAM: it needs the admin role");
            if (method == HandlingMethod.WHITELIST)
                throw new IllegalArgumentException("apply: only with method disabled or deleted");
            service.alert(id);
            KeyHandler.Result r;
            try {
                r = service.applyThroughRam(id, method, note, p);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HttpError(503, "interrupted: the server is shutting down");
            }
            JsonObject o = service.extras().json(r.alert());
            o.addProperty("validityAfter", r.validityAfter().name());
            o.addProperty("proof", r.proof());
            o.addProperty("proven", r.proven());
            json(ctx, 200, o);
            return;
        }
        json(ctx, 200, service.extras().json(service.handle(id, method, note, p)));
    }

    void unwhitelist(Context ctx) {
        Principal p = need(ctx, Role.RESPONDER);
        long id = id(ctx);
        json(
                ctx,
                200,
                service.extras()
                        .json(service.unwhitelist(id, string(optionalBody(ctx), "note"), p)));
    }

    void verify(Context ctx) {
        Principal p = need(ctx, Role.RESPONDER);
        long id = id(ctx);
        try {
            service.verify(id, p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "interrupted: the server is shutting down");
        }
        json(ctx, 200, service.extras().json(service.alert(id)));
    }

    void anomalies(Context ctx) {
        json(ctx, 200, MonitorJson.anomalies(service.anomalies(time(ctx, "since"))));
    }

    void anomaly(Context ctx) {
        json(ctx, 200, MonitorJson.anomaly(service.anomaly(id(ctx))));
    }

    void handleAnomaly(Context ctx) {
        Principal p = need(ctx, Role.RESPONDER);
        JsonObject body = body(ctx);
        String m = string(body, "method");
        HandlingMethod method;
        try {
            method = HandlingMethod.parse(m == null ? "" : m);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method: use deleted, disabled or whitelist");
        }
        json(
                ctx,
                200,
                MonitorJson.anomaly(
                        service.handleAnomaly(id(ctx), method, string(body, "note"), p)));
    }

    void unwhitelistAnomaly(Context ctx) {
        Principal p = need(ctx, Role.RESPONDER);
        json(
                ctx,
                200,
                MonitorJson.anomaly(
                        service.unwhitelistAnomaly(id(ctx), string(optionalBody(ctx), "note"), p)));
    }

    /**
     * Stored call records (fetched by the watcher or "refresh" on the console), not a live
     * ActionTrail lookup.
     */
    void calls(Context ctx) {
        String key = ctx.pathParam("accessKeyId");
        if (!key.matches("[A-Za-z0-9.]{1,128}"))
            throw new IllegalArgumentException("accessKeyId: letters, digits and '.' only");
        Instant from = time(ctx, "from"), to = time(ctx, "to");
        if (from != null && to != null && from.isAfter(to))
            throw new IllegalArgumentException("from is after to");
        json(ctx, 200, MonitorJson.calls(service.calls(key, from, to)));
    }

    // ---- helpers
    // --------------------------------------------------------------------------------------------

    static Principal need(Context ctx, Role role) {
        Principal p = ctx.attribute(WebAuth.PRINCIPAL);
        if (p == null) throw new HttpError(401, "not signed in");
        if (!p.can(role))
            throw new HttpError(
                    403,
                    "this needs the "
                            + role.json()
                            + " role; '"
                            + p.name()
                            + "' is "
                            + p.role().json());
        return p;
    }

    static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id < 1) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("id: a positive whole number");
        }
    }

    private static Instant time(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Instant.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + ": an ISO-8601 time such as 2026-03-02T10:00:00Z");
        }
    }

    private static JsonObject body(Context ctx) {
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        if (text.length() > 64 * 1024) throw new IllegalArgumentException("body: at most 64 KiB");
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject())
                throw new IllegalArgumentException("body: a JSON object is expected");
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("body: not valid JSON");
        }
    }

    private static JsonObject optionalBody(Context ctx) {
        return ctx.bodyAsBytes().length == 0 ? new JsonObject() : body(ctx);
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return null;
        if (!e.isJsonPrimitive())
            throw new IllegalArgumentException(key + ": a string is expected");
        return e.getAsString();
    }

    private static void json(Context ctx, int status, JsonElement body) {
        ctx.status(status)
                .contentType("application/json; charset=utf-8")
                .result(MonitorJson.GSON.toJson(body));
    }
}
