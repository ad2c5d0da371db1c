package dev.akguard.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.akguard.monitor.store.Occurrence;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinksTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    private static Links.OccurrenceLinks of(String repo, String path, String author, String url) {
        return Links.of(new Occurrence(repo, path, 7, SHA, author, url, Instant.EPOCH));
    }

    @Test
    void buildsGitHubLinksFromValidatedParts() {
        Links.OccurrenceLinks l =
                of(
                        "acme/app",
                        "conf/my file#1.env",
                        "dev-1",
                        "https://github.com/acme/app/blob/" + SHA + "/x#L7");
        assertEquals("https://github.com/acme/app", l.repo());
        assertEquals(
                "https://github.com/acme/app/blob/" + SHA + "/conf/my%20file%231.env#L7", l.file());
        assertEquals("https://github.com/acme/app/commit/" + SHA, l.commit());
        assertEquals("https://github.com/dev-1", l.user());
        assertEquals(
                "https://ghe.example.com:8443/acme/app",
                of("acme/app", "a", null, "https://ghe.example.com:8443/acme/app/blob/x").repo());
    }

    @Test
    void hostileValuesGetNoLinkRatherThanARawOne() {
        assertNull(
                of("acme/app", "a", "x", "javascript:alert(1)//github.com/").repo(),
                "only http and https");
        assertNull(
                of("acme/app", "a", "x", "https://user:pw@github.com/acme/app").repo(),
                "no credentials in links");
        assertNull(of("acme/app", "a", "x", null).repo());
        assertNull(
                of("acme/<b>", "a", "x", "https://github.com/").repo(),
                "repository names GitHub cannot have");
        assertNull(of("acme/..", "a", "x", "https://github.com/").repo());
        assertNull(
                of("acme/app", "a", "<script>x</script>", "https://github.com/").user(),
                "authors that are not logins");
        assertNull(of("acme/app", "a", "Jane Doe", "https://github.com/").user());
        assertEquals(
                "https://github.com/acme/app/blob/"
                        + SHA
                        + "/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E#L7",
                of("acme/app", "<img src=x onerror=alert(1)>", "x", "https://github.com/").file(),
                "paths are percent-encoded");
        Links.OccurrenceLinks badSha =
                Links.of(
                        new Occurrence(
                                "acme/app",
                                "a",
                                1,
                                "HEAD/../x",
                                "x",
                                "https://github.com/",
                                Instant.EPOCH));
        assertNull(badSha.commit());
        assertNull(badSha.file());
    }
}
