package dev.akguard.console.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Static files served from the jar: our script and styles, and uPlot from its WebJar (packaged at
 * build time, nothing from a CDN). Read once at start-up.
 */
final class Assets {
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private record Asset(byte[] body, String type) {}

    private final Map<String, Asset> files;

    Assets() {
        files =
                Map.of(
                        "app.js",
                                load(
                                        "/dev/akguard/console/static/app.js",
                                        "text/javascript; charset=utf-8"),
                        "app.css",
                                load(
                                        "/dev/akguard/console/static/app.css",
                                        "text/css; charset=utf-8"),
                        "uplot.js",
                                load(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
                        "uplot.css", load(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));
    }

    void serve(Context ctx) {
        Asset a = files.get(ctx.pathParam("name"));
        if (a == null) {
            ctx.status(404).result("not found");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=3600").contentType(a.type()).result(a.body());
    }

    private static Asset load(String resource, String type) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + resource + " (broken build)");
            return new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
