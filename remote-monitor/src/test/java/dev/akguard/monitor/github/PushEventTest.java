package dev.akguard.monitor.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PushEventTest {
    static final Instant AT = Instant.parse("2026-12-05T08:00:00Z");

    @Test
    void aCreatedTagOrBranchIsReadByNameAgainstNothing() {
        PushEvent tag = PushEvent.created("1", "acme/app", "dev", "v1.0.0", "tag", AT);
        assertEquals("refs/tags/v1.0.0", tag.ref());
        assertEquals(PushEvent.ZERO_SHA, tag.before());
        assertEquals("v1.0.0", tag.head(), "GitHub resolves the name in a compare");
        assertTrue(tag.createsRef());
        assertFalse(tag.deletesRef());
        assertTrue(tag.namesItsHead());

        PushEvent branch = PushEvent.created("2", "acme/app", "dev", "feature/x", "branch", AT);
        assertEquals("refs/heads/feature/x", branch.ref());
        assertTrue(branch.namesItsHead());
    }

    @Test
    void aCreatedRepositoryIsScannedWhole() {
        assertTrue(
                PushEvent.created("3", "acme/app", "dev", null, "repository", AT)
                        .isWholeRepository());
    }

    @Test
    void unknownTypesAndMissingOrOptionLikeNamesGiveNothing() {
        assertNull(PushEvent.created("4", "acme/app", "dev", "x", "release", AT));
        assertNull(PushEvent.created("5", "acme/app", "dev", null, "tag", AT));
        assertNull(PushEvent.created("6", "acme/app", "dev", " ", "branch", AT));
        assertNull(PushEvent.created("7", "acme/app", "dev", "--upload-pack=x", "tag", AT));
        assertNull(PushEvent.created("8", "acme/app", "dev", "v1", null, AT));
    }

    @Test
    void aPushEventNamesItsHeadByCommitNotByName() {
        PushEvent push =
                new PushEvent(
                        "9",
                        "acme/app",
                        "dev",
                        "refs/heads/feature",
                        PushEvent.ZERO_SHA,
                        "0123456789abcdef0123456789abcdef01234567",
                        AT);
        assertFalse(push.namesItsHead());
    }
}
