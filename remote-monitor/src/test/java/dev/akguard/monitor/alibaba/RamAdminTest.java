package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.EmulatedUser;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Handling a leaked key with the admin's RAM rights, checked end to end with KeyValidator. */
class RamAdminTest {
    private static final Backoff FAST =
            Backoff.jittered(3, Duration.ofMillis(10), Duration.ofMillis(50));

    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private EmulatedKey adminKey;
    private RamAdmin ram;
    private KeyValidator validator;

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        account = emu.addAccount();
        adminKey = account.addUser("security-admin").addKey();
        ram = admin(adminKey);
        validator =
                new KeyValidator(
                        AlibabaEndpoint.override(emu.url()),
                        FAST,
                        Duration.ofSeconds(5),
                        new RecordingSleeper()::sleep);
    }

    private RamAdmin admin(EmulatedKey key) {
        return new RamAdmin(
                new AdminCredentials(key.id(), key.secret(), null, "test"),
                AlibabaEndpoint.override(emu.url()),
                FAST,
                Duration.ofSeconds(5),
                new RecordingSleeper()::sleep);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void findsTheOwnerAcrossUserPages() {
        for (int i = 0; i < 104; i++) {
            account.addUser("user-" + i);
        }
        EmulatedUser owner = account.user("user-103").orElseThrow();
        EmulatedKey leaked = owner.addKey();
        Optional<AccessKeyEntry> found = ram.findOwner(leaked.id());
        assertTrue(found.isPresent());
        assertEquals("user-103", found.get().userName());
        assertEquals(owner.userId(), found.get().userId());
        assertTrue(found.get().active());
        assertEquals(
                2, emu.requests("ListUsers").size(), "105 users come in two pages of at most 100");
        assertTrue(ram.findOwner(KeyValidatorTest.randomId()).isEmpty());
    }

    @Test
    void inventoryListsEveryKeyWithStatusAndDate() {
        EmulatedUser a = account.addUser("a");
        EmulatedKey a1 = a.addKey().createDate(Instant.parse("2024-03-01T00:00:00Z"));
        EmulatedKey a2 = a.addKey().disable();
        List<AccessKeyEntry> all = ram.inventory();
        assertEquals(3, all.size());
        AccessKeyEntry first =
                all.stream().filter(e -> e.accessKeyId().equals(a1.id())).findFirst().orElseThrow();
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), first.createDate());
        assertEquals("a", first.userName());
        assertEquals(
                "Inactive",
                all.stream()
                        .filter(e -> e.accessKeyId().equals(a2.id()))
                        .findFirst()
                        .orElseThrow()
                        .status());
    }

    @Test
    void disableThenValidatorSaysDisabled() {
        EmulatedKey leaked = account.addUser("ci").addKey();
        assertEquals(Validity.VALID, validator.validate(leaked.id(), leaked.secret()).validity());
        AccessKeyEntry after = ram.disable(leaked.id());
        assertEquals("Inactive", after.status());
        assertEquals("ci", after.userName());
        assertEquals(
                Validity.DISABLED, validator.validate(leaked.id(), leaked.secret()).validity());
        assertEquals("Inactive", emu.requests("UpdateAccessKey").get(0).param("Status"));
        assertEquals(adminKey.id(), emu.requests("UpdateAccessKey").get(0).accessKeyId());
    }

    @Test
    void deleteThenValidatorSaysInvalid() {
        EmulatedKey leaked = account.addUser("ci").addKey();
        ram.delete(leaked.id());
        assertEquals(Validity.INVALID, validator.validate(leaked.id(), leaked.secret()).validity());
        RamAdminException again =
                assertThrows(RamAdminException.class, () -> ram.delete(leaked.id()));
        assertEquals("EntityNotExist.User.AccessKey", again.errorCode());
        assertTrue(again.getMessage().contains("not owned by any RAM user"), again.getMessage());
    }

    @Test
    void aKnownOwnerIsHandledWithoutListingAgain() {
        EmulatedKey leaked = account.addUser("ci").addKey();
        AccessKeyEntry owner = ram.findOwner(leaked.id()).orElseThrow();
        emu.clearRequests();
        ram.disable(owner);
        ram.lastUsed(owner);
        assertEquals(
                List.of("UpdateAccessKey", "GetAccessKeyLastUsed"),
                emu.requests().stream().map(r -> r.action()).toList());
        ram.delete(owner);
        assertTrue(emu.key(leaked.id()).isEmpty());
    }

    @Test
    void lastUsedReflectsUse() {
        EmulatedKey leaked = account.addUser("ci").addKey();
        assertTrue(ram.lastUsed(leaked.id()).isEmpty(), "never used yet");
        Instant before = Instant.now().minusSeconds(1);
        validator.validate(leaked.id(), leaked.secret());
        Instant used = ram.lastUsed(leaked.id()).orElseThrow();
        assertFalse(
                used.isBefore(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                used + " vs " + before);
    }

    @Test
    void deniedAdminGetsAnActionableMessage() {
        adminKey.deny("ListUsers");
        RamAdminException e = assertThrows(RamAdminException.class, ram::inventory);
        assertEquals("NoPermission", e.errorCode());
        assertTrue(e.getMessage().contains("AliyunRAMReadOnlyAccess"), e.getMessage());
        assertTrue(e.getMessage().contains(adminKey.id()));
    }

    @Test
    void rejectedAdminCredentialsAreNamedWithoutTheSecret() {
        String wrong = KeyValidatorTest.randomSecret();
        RamAdmin bad =
                new RamAdmin(
                        new AdminCredentials(adminKey.id(), wrong, null, "environment"),
                        AlibabaEndpoint.override(emu.url()),
                        FAST,
                        Duration.ofSeconds(5),
                        new RecordingSleeper()::sleep);
        RamAdminException e = assertThrows(RamAdminException.class, bad::inventory);
        assertTrue(
                e.getMessage().contains("admin credentials from environment were rejected"),
                e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }

    @Test
    void throttledListingRecovers() {
        account.addUser("x").addKey();
        emu.faults().throttleNext(2, "ListUsers");
        assertEquals(2, ram.inventory().size());
        assertEquals(3, emu.requests("ListUsers").size());
    }
}
