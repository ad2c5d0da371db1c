package dev.akguard.monitor.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Clone URLs come from GitHub's answers: plain http only for loopback, and the token only for the
 * API's own host.
 */
class CloneUrlPolicyTest {

    @Test
    void plainHttpOnlyForLoopback() {
        assertTrue(GitHubClient.secureOrLoopback(URI.create("https://github.example.com/o/r.git")));
        assertTrue(GitHubClient.secureOrLoopback(URI.create("http://127.0.0.1:8080/o/r.git")));
        assertTrue(GitHubClient.secureOrLoopback(URI.create("http://localhost/o/r.git")));
        assertFalse(GitHubClient.secureOrLoopback(URI.create("http://github.example.com/o/r.git")));
        assertFalse(
                GitHubClient.secureOrLoopback(URI.create("http://127.0.0.1.evil.example/o/r.git")));
        assertFalse(GitHubClient.secureOrLoopback(URI.create("git://github.com/o/r.git")));
        assertFalse(GitHubClient.secureOrLoopback(URI.create("file:///etc/o/r.git")));
    }

    @Test
    void theTokenGoesOnlyToTheApisOwnHost() {
        GitHubClient ghe =
                GitHubClient.builder("https://ghe.example.com/api/v3")
                        .token("secret-token")
                        .build();
        assertEquals("secret-token", ghe.tokenFor(URI.create("https://ghe.example.com/o/r.git")));
        assertNull(ghe.tokenFor(URI.create("https://evil.example.com/o/r.git")));
        assertNull(
                ghe.tokenFor(URI.create("http://ghe.example.com/o/r.git")),
                "not over another scheme");
        assertNull(
                ghe.tokenFor(URI.create("https://ghe.example.com:8443/o/r.git")),
                "not to another port");
        GitHubClient dotcom =
                GitHubClient.builder("https://api.github.com").token("secret-token").build();
        assertNull(
                dotcom.tokenFor(URI.create("https://github.com/o/r.git")),
                "github.com clones of public repositories need no token");
        assertNull(
                GitHubClient.builder("https://api.github.com")
                        .build()
                        .tokenFor(URI.create("https://api.github.com/x")));
    }
}
