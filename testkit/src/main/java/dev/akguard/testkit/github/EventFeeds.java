package dev.akguard.testkit.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The events API: every feed (public, organisation, user, repository), paged newest first, with
 * ETag and X-Poll-Interval; PushEvent, CreateEvent and PublicEvent recorded by the repositories.
 */
final class EventFeeds {
    static final int MAX_EVENTS = 300;

    private final GitHubEmulator gh;
    final List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong nextEventId =
            new java.util.concurrent.atomic.AtomicLong(40_000_000_000L);
    private final java.util.concurrent.atomic.AtomicLong nextPushId =
            new java.util.concurrent.atomic.AtomicLong(20_000_000_000L);
    volatile int pollIntervalSeconds = 60;
    volatile int eventRetention = Integer.MAX_VALUE;

    EventFeeds(GitHubEmulator gh) {
        this.gh = gh;
    }

    private String baseUrl() {
        return gh.baseUrl();
    }

    private java.time.Instant now() {
        return gh.now();
    }

    String recordPush(EmulatedRepo repo, String actor, String branch, String before, String head) {
        JsonObject p = new JsonObject();
        p.addProperty("repository_id", repo.id());
        p.addProperty("push_id", nextPushId.incrementAndGet());
        p.addProperty("ref", "refs/heads/" + branch);
        p.addProperty("head", head);
        p.addProperty("before", before);
        return recordEvent(repo, actor, "PushEvent", p);
    }

    /**
     * Appends an event of any type to the feeds; private repositories' events stay off the public
     * feed.
     */
    String recordEvent(EmulatedRepo repo, String actor, String type, JsonObject payload) {
        String id = Long.toString(nextEventId.incrementAndGet());
        JsonObject e = new JsonObject();
        e.addProperty("id", id);
        e.addProperty("type", type);
        JsonObject a = new JsonObject();
        a.addProperty("id", Math.abs(actor.hashCode()));
        a.addProperty("login", actor);
        a.addProperty("display_login", actor);
        a.addProperty("url", baseUrl() + "/users/" + actor);
        e.add("actor", a);
        JsonObject r = new JsonObject();
        r.addProperty("id", repo.id());
        r.addProperty("name", repo.fullName());
        r.addProperty("url", baseUrl() + "/repos/" + repo.fullName());
        e.add("repo", r);
        e.add("payload", payload);
        e.addProperty("public", !repo.isPrivate());
        e.addProperty("created_at", now().toString());
        JsonObject org = new JsonObject();
        org.addProperty("login", repo.owner());
        e.add("org", org);
        synchronized (events) {
            events.add(e);
            int excess = events.size() - eventRetention;
            if (excess > 0) events.subList(0, excess).clear();
        }
        return id;
    }

    Reply eventsPage(
            String path,
            Map<String, String> params,
            java.util.function.Predicate<JsonObject> filter) {
        List<JsonObject> matching = new ArrayList<>();
        synchronized (events) {
            for (int i = events.size() - 1; i >= 0 && matching.size() < MAX_EVENTS; i--) {
                if (filter.test(events.get(i))) matching.add(events.get(i));
            }
        }
        int perPage = Math.min(100, Math.max(1, Wire.intParam(params, "per_page", 30)));
        int page = Math.max(1, Wire.intParam(params, "page", 1));
        int last = Math.max(1, (matching.size() + perPage - 1) / perPage);
        JsonArray arr = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(matching.size(), page * perPage); i++)
            arr.add(matching.get(i));
        Reply r = Reply.json(200, arr);
        StringBuilder link = new StringBuilder();
        String self = baseUrl() + path + "?per_page=" + perPage + "&page=";
        if (page < last)
            link.append('<')
                    .append(self)
                    .append(page + 1)
                    .append(">; rel=\"next\", <")
                    .append(self)
                    .append(last)
                    .append(">; rel=\"last\"");
        if (page > 1) {
            if (link.length() > 0) link.append(", ");
            link.append('<')
                    .append(self)
                    .append(1)
                    .append(">; rel=\"first\", <")
                    .append(self)
                    .append(page - 1)
                    .append(">; rel=\"prev\"");
        }
        if (link.length() > 0) r.headers.put("Link", link.toString());
        r.headers.put("X-Poll-Interval", Integer.toString(pollIntervalSeconds));
        return r.withEtag();
    }
}
