package dev.akguard.console.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders a precompiled JTE template (HTML-escaped by default) into the response. */
final class Renderer {
    private final TemplateEngine engine;

    Renderer(TemplateEngine engine) {
        this.engine = engine;
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.html(out.toString());
    }
}
