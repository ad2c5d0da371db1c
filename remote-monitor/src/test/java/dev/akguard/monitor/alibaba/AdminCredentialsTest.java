package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {
    @TempDir
    Path home;

    private final String id = KeyValidatorTest.randomId();
    private final String secret = KeyValidatorTest.randomSecret();

    @Test
    void environmentWins() throws IOException {
        writeIni("[default]\naccess_key_id = other\naccess_key_secret = other\n");
        AdminCredentials c = AdminCredentials.load(Map.of(AdminCredentials.ENV_ID, id, AdminCredentials.ENV_SECRET, secret), home);
        assertEquals(id, c.accessKeyId());
        assertEquals("environment", c.source());
        assertFalse(c.toString().contains(secret), "toString must not show the secret");
        assertTrue(c.toString().contains(secret.substring(0, 3) + "…"));
    }

    @Test
    void halfSetEnvironmentIsAnError() {
        AlibabaCredentialsException e = assertThrows(AlibabaCredentialsException.class,
                () -> AdminCredentials.load(Map.of(AdminCredentials.ENV_ID, id), home));
        assertTrue(e.getMessage().contains(AdminCredentials.ENV_SECRET + " is not set"), e.getMessage());
    }

    @Test
    void credentialsFileDefaultSection() throws IOException {
        writeIni("# team file\n[other]\naccess_key_id = nope\naccess_key_secret = nope\n\n[default]\ntype = access_key\n"
                + "access_key_id = " + id + "\naccess_key_secret = " + secret + "\n");
        AdminCredentials c = AdminCredentials.load(Map.of(), home);
        assertEquals(id, c.accessKeyId());
        assertTrue(c.source().endsWith("credentials"));
    }

    @Test
    void fileWithoutDefaultOrWithUnsupportedTypeIsExplained() throws IOException {
        writeIni("[prod]\naccess_key_id = x\naccess_key_secret = y\n");
        assertTrue(assertThrows(AlibabaCredentialsException.class, () -> AdminCredentials.load(Map.of(), home))
                .getMessage().contains("no [default] section"));
        writeIni("[default]\ntype = ecs_ram_role\nrole_name = r\n");
        assertTrue(assertThrows(AlibabaCredentialsException.class, () -> AdminCredentials.load(Map.of(), home))
                .getMessage().contains("type = ecs_ram_role"));
    }

    @Test
    void nothingConfiguredSaysWhereToPutCredentials() {
        AlibabaCredentialsException e = assertThrows(AlibabaCredentialsException.class, () -> AdminCredentials.load(Map.of(), home));
        assertTrue(e.getMessage().contains(AdminCredentials.ENV_ID) && e.getMessage().contains(".alibabacloud"), e.getMessage());
    }

    private void writeIni(String text) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".alibabacloud"));
        Files.writeString(dir.resolve("credentials"), text);
    }
}
