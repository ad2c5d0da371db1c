package dev.akguard.testkit.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Code search ({@code GET /search/code}) over the default branch of every repository: terms, {@code
 * repo:}, {@code org:}/{@code user:} qualifiers, paging up to 1000 results.
 */
final class CodeSearchApi {
    private final GitHubEmulator gh;

    CodeSearchApi(GitHubEmulator gh) {
        this.gh = gh;
    }

    private String baseUrl() {
        return gh.baseUrl();
    }

    Reply searchCode(java.util.Collection<EmulatedRepo> all, Map<String, String> params) {
        String q = params.getOrDefault("q", "");
        List<String> terms = new ArrayList<>();
        String repoFilter = null, ownerFilter = null;
        for (String part : q.trim().split("\\s+")) {
            if (part.isEmpty()) continue;
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith("repo:")) repoFilter = part.substring(5);
            else if (lower.startsWith("org:") || lower.startsWith("user:"))
                ownerFilter = part.substring(part.indexOf(':') + 1);
            else if (!lower.contains(":")) terms.add(lower.replace("\"", ""));
        }
        if (terms.isEmpty()) return Reply.json(422, Reply.error("Validation Failed"));
        List<JsonObject> items = new ArrayList<>();
        List<EmulatedRepo> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> a.fullName().compareTo(b.fullName()));
        for (EmulatedRepo repo : sorted) {
            if (repoFilter != null && !repo.fullName().equals(repoFilter)) continue;
            if (ownerFilter != null && !repo.owner().equals(ownerFilter)) continue;
            EmulatedCommit head = repo.resolve(repo.defaultBranch());
            if (head == null) continue;
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(head.tree()).entrySet()) {
                if (Wire.isBinary(file.getValue())) continue;
                String text = Wire.text(file.getValue()).toLowerCase(Locale.ROOT);
                if (!terms.stream().allMatch(text::contains)) continue;
                JsonObject item = new JsonObject();
                item.addProperty(
                        "name", file.getKey().substring(file.getKey().lastIndexOf('/') + 1));
                item.addProperty("path", file.getKey());
                item.addProperty("sha", Wire.blobSha(file.getValue()));
                item.addProperty(
                        "url",
                        baseUrl()
                                + "/repos/"
                                + repo.fullName()
                                + "/contents/"
                                + file.getKey()
                                + "?ref="
                                + head.sha());
                item.addProperty(
                        "html_url",
                        baseUrl()
                                + "/"
                                + repo.fullName()
                                + "/blob/"
                                + head.sha()
                                + "/"
                                + file.getKey());
                JsonObject r = new JsonObject();
                r.addProperty("id", repo.id());
                r.addProperty("name", repo.name());
                r.addProperty("full_name", repo.fullName());
                JsonObject owner = new JsonObject();
                owner.addProperty("login", repo.owner());
                r.add("owner", owner);
                item.add("repository", r);
                items.add(item);
            }
        }
        int perPage = Math.min(100, Math.max(1, Wire.intParam(params, "per_page", 30)));
        int page = Math.max(1, Wire.intParam(params, "page", 1));
        JsonObject o = new JsonObject();
        o.addProperty("total_count", items.size());
        o.addProperty("incomplete_results", false);
        JsonArray arr = new JsonArray();
        for (int i = (page - 1) * perPage;
                i < Math.min(Math.min(items.size(), 1000), page * perPage);
                i++) arr.add(items.get(i));
        o.add("items", arr);
        Reply r = Reply.json(200, o);
        if (page * perPage < Math.min(items.size(), 1000)) {
            r.headers.put(
                    "Link",
                    "<"
                            + baseUrl()
                            + "/search/code?q="
                            + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)
                            + "&per_page="
                            + perPage
                            + "&page="
                            + (page + 1)
                            + ">; rel=\"next\"");
        }
        return r;
    }
}
