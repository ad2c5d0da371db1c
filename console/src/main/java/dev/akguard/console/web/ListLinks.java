package dev.akguard.console.web;

import dev.akguard.console.service.AlertFilter;
import java.util.Locale;

/** Links of the leak list: sort headers and pages keep the other filters. */
public final class ListLinks {
    private final AlertFilter f;

    ListLinks(AlertFilter f) {
        this.f = f;
    }

    public String page(int n) {
        return "/alerts" + Links.query(f.withPage(n).params());
    }

    public String sort(String column) {
        AlertFilter.Sort s = AlertFilter.Sort.valueOf(column.toUpperCase(Locale.ROOT));
        boolean asc = f.sort() == s && !f.ascending();
        AlertFilter n =
                new AlertFilter(
                        f.status(),
                        f.validity(),
                        f.repo(),
                        f.accessKeyId(),
                        f.from(),
                        f.to(),
                        f.q(),
                        s,
                        asc,
                        1,
                        f.perPage());
        return "/alerts" + Links.query(n.params());
    }

    public String value(String name) {
        return f.params().getOrDefault(name, "");
    }
}
