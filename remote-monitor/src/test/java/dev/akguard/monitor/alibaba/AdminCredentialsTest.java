package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.retry.Backoff;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admin credentials come from the SDK's default chain; the clients sign with what it found. */
class AdminCredentialsTest {
    @TempDir Path home;

    @AfterEach
    void clear() {
        System.clearProperty("alibabacloud.accessKeyId");
        System.clearProperty("alibabacloud.accessKeySecret");
    }

    @Test
    void theChainsCredentialsSignTheAdminCalls() throws Exception {
        try (AlibabaCloudEmulator emu = AlibabaCloudEmulator.start()) {
            EmulatedAccount account = emu.addAccount();
            EmulatedKey admin = account.addUser("security-admin").addKey();
            EmulatedKey leaked = account.addUser("ci").addKey();
            System.setProperty("alibabacloud.accessKeyId", admin.id());
            System.setProperty("alibabacloud.accessKeySecret", admin.secret());
            AdminCredentials c = AdminCredentials.load(AdminCredentials.env(Map.of()), home);
            assertEquals(admin.id(), c.accessKeyId());
            assertFalse(c.toString().contains(admin.secret()), "never printed");
            RamAdmin ram =
                    new RamAdmin(
                            c,
                            AlibabaEndpoint.override(emu.url()),
                            Backoff.jittered(2, Duration.ZERO, Duration.ZERO),
                            Duration.ofSeconds(5));
            assertEquals("ci", ram.findOwner(leaked.id()).orElseThrow().userName());
            assertFalse(emu.requests().isEmpty());
            emu.requests()
                    .forEach(
                            r ->
                                    assertEquals(
                                            admin.id(),
                                            r.accessKeyId(),
                                            "signed with the chain's key"));
        }
    }

    @Test
    void nothingConfiguredSaysWhereToPutCredentials() {
        AlibabaCredentialsException e =
                assertThrows(
                        AlibabaCredentialsException.class,
                        () -> AdminCredentials.load(AdminCredentials.env(Map.of()), home));
        assertTrue(e.getMessage().contains(AdminCredentials.ENV_ID), e.getMessage());
        assertTrue(
                e.getMessage().contains(home.resolve(".alibabacloud/credentials").toString()),
                "names the file under $HOME: " + e.getMessage());
        assertTrue(e.getMessage().contains("ALIBABA_CLOUD_ECS_METADATA"), e.getMessage());
    }
}
