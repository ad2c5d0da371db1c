package dev.akguard.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.cli.AkguardCommand;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Where the monitor database is, who can read it, and that no message about it shows a password.
 */
class MonitorDatabaseCliTest {
    private static final String PW =
            "Pw-" + Long.toHexString(Double.doubleToLongBits(Math.random()));

    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = AkguardCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** The CLI in its own process, with the environment a user would have. */
    private Result runProcess(Map<String, String> env, String... args) throws Exception {
        List<String> cmd =
                new java.util.ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Duser.home=" + dir.resolve("passwd-home"),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.akguard.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("ALIBABA_CLOUD_") || k.startsWith("AKGUARD_"));
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the CLI finished");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void noMessageAboutADatabaseUrlShowsItsPassword() {
        for (String url :
                List.of(
                        "jdbc:postgres://127.0.0.1/x?user=postgres&password=" + PW,
                        "jdbc:postgresql://127.0.0.1:notaport/x?user=postgres&password=" + PW,
                        "jdbc:postgresql://127.0.0.1:5432/x?user=postgres&password=" + PW + "%zz",
                        "jdbc:postgresql://postgres:" + PW + "@127.0.0.1:1/x",
                        "jdbc:postgresql://127.0.0.1:1/x;password=" + PW,
                        "jdbc:postgresql://127.0.0.1:1/x?user=nobody&password=" + PW)) {
            Result r = run("monitor", "alerts", "--db", url);
            assertEquals(2, r.code(), url + ": " + r.err());
            assertFalse(r.err().contains(PW), r.err());
            assertFalse(r.out().contains(PW), r.out());
            assertTrue(r.err().startsWith("akguard: "), r.err());
        }
    }

    @Test
    void theDefaultDatabaseFollowsHomeAndOnlyItsOwnerCanReadIt() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Result r = runProcess(Map.of("HOME", home.toString()), "monitor", "alerts");
        assertEquals(0, r.code(), r.err());
        Path folder = home.resolve(".akguard");
        Path db = folder.resolve("monitor.db");
        assertTrue(Files.isRegularFile(db), "created under $HOME, not the passwd home");
        assertFalse(Files.exists(dir.resolve("passwd-home/.akguard")));
        assertEquals(
                "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path f = Path.of(db + suffix);
            if (Files.exists(f))
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
                        f.toString());
        }
    }

    @Test
    void adminCredentialsComeFromTheSdkChainWithTheCredentialsFileUnderHome() throws Exception {
        try (AlibabaCloudEmulator emu = AlibabaCloudEmulator.start()) {
            EmulatedAccount account = emu.addAccount();
            EmulatedKey admin = account.addUser("security-admin").addKey();
            account.addUser("ci").addKey();
            Path home = dir.resolve("home");
            Files.createDirectories(home.resolve(".alibabacloud"));
            Files.writeString(
                    home.resolve(".alibabacloud/credentials"),
                    "[default]\nenable = true\ntype = access_key\n"
                            + "access_key_id = "
                            + admin.id()
                            + "\naccess_key_secret = "
                            + admin.secret()
                            + "\n");
            Map<String, String> env =
                    Map.of(
                            "HOME",
                            home.toString(),
                            "AKGUARD_ALIBABA_ENDPOINT",
                            emu.url(),
                            "AKGUARD_DB_URL",
                            "jdbc:sqlite:" + dir.resolve("inv.db"));
            Result sync = runProcess(env, "monitor", "inventory", "sync");
            assertEquals(0, sync.code(), sync.err());
            assertFalse(sync.err().contains(admin.secret()) || sync.out().contains(admin.secret()));
            assertFalse(emu.requests().isEmpty());
            emu.requests()
                    .forEach(
                            r ->
                                    assertEquals(
                                            admin.id(),
                                            r.accessKeyId(),
                                            "signed with the key from $HOME's credentials file"));

            Result none =
                    runProcess(
                            Map.of(
                                    "HOME",
                                    dir.resolve("empty-home").toString(),
                                    "AKGUARD_ALIBABA_ENDPOINT",
                                    emu.url(),
                                    "AKGUARD_DB_URL",
                                    "jdbc:sqlite:" + dir.resolve("inv2.db")),
                            "monitor",
                            "inventory",
                            "sync");
            assertEquals(2, none.code());
            assertTrue(
                    none.err().contains("No Alibaba Cloud admin credentials")
                            && none.err().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                    none.err());
        }
    }

    @Test
    void akguardDbUrlKeepsTheUrlOffTheCommandLine() throws Exception {
        Path fromEnv = dir.resolve("env/monitor.db");
        Result r =
                runProcess(
                        Map.of(
                                "HOME",
                                dir.resolve("home").toString(),
                                "AKGUARD_DB_URL",
                                "jdbc:sqlite:" + fromEnv),
                        "monitor",
                        "alerts");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(fromEnv));
        assertFalse(Files.exists(dir.resolve("home/.akguard/monitor.db")));
        Path flag = dir.resolve("flag.db");
        Result both =
                runProcess(
                        Map.of("AKGUARD_DB_URL", "jdbc:sqlite:" + fromEnv),
                        "monitor",
                        "alerts",
                        "--db",
                        "jdbc:sqlite:" + flag);
        assertEquals(0, both.code(), both.err());
        assertTrue(Files.isRegularFile(flag), "--db wins over the environment");
    }
}
