package dev.akguard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.lsp.launch.StdioLauncher;
import dev.akguard.lsp.support.JavaProcess;
import dev.akguard.lsp.support.Keys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: headless Neovim (Debian's 0.7.2; `.ci/run` installs it with `apt-get install -y
 * neovim`) starts the server with vim.lsp.start_client, opens a file, shows the diagnostics, edits
 * twice and sees them update. The Lua side writes what Neovim shows (vim.diagnostic.get) to a file
 * this test reads.
 */
@Timeout(150)
class NeovimEndToEndTest {
    @TempDir Path dir;

    @Test
    void neovimShowsAndUpdatesDiagnostics() throws Exception {
        Keys k = new Keys(44);
        Path project = Files.createDirectories(dir.resolve("project"));
        Path file = project.resolve("App.java");
        Files.writeString(
                file,
                "class App {\n"
                        + "    String accessKeyId = \""
                        + k.id
                        + "\";\n"
                        + "    String accessKeySecret = \""
                        + k.secret
                        + "\";\n"
                        + "}\n");
        Path init = dir.resolve("test-init.lua");
        try (InputStream in = getClass().getResourceAsStream("/nvim/test-init.lua")) {
            assertNotNull(in, "test-init.lua on the test classpath");
            Files.write(init, in.readAllBytes());
        }
        Path out = dir.resolve("observed.jsonl");
        JsonArray cmd = new JsonArray();
        JavaProcess.command(StdioLauncher.class.getName()).forEach(cmd::add);

        ProcessBuilder pb =
                new ProcessBuilder(
                        nvim(),
                        "--headless",
                        "-n",
                        "-i",
                        "NONE",
                        "--noplugin",
                        "-u",
                        init.toString());
        Map<String, String> env = pb.environment();
        env.put("AKGUARD_NVIM_OUT", out.toString());
        env.put("AKGUARD_NVIM_FILE", file.toString());
        env.put("AKGUARD_NVIM_ROOT", project.toString());
        env.put("AKGUARD_NVIM_CMD", cmd.toString());
        for (String xdg :
                List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
            env.put(
                    xdg,
                    Files.createDirectories(dir.resolve(xdg.toLowerCase()))
                            .toString()); // never the user's own setup
        }
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("nvim-output.txt").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process nvim = pb.start();
        boolean finished = nvim.waitFor(120, TimeUnit.SECONDS);
        if (!finished) nvim.destroyForcibly();
        Map<String, JsonObject> events = read(out);
        String context =
                "observed: "
                        + (Files.exists(out) ? Files.readString(out) : "(nothing)")
                        + "\nnvim output: "
                        + Files.readString(dir.resolve("nvim-output.txt"));
        assertTrue(finished, "Neovim did not finish in time; " + context);
        assertFalse(events.containsKey("error"), context);
        assertEquals(0, nvim.exitValue(), context);

        JsonArray opened = events.get("opened").getAsJsonArray("diagnostics");
        assertEquals(2, opened.size(), context);
        JsonObject id = opened.get(0).getAsJsonObject(), secret = opened.get(1).getAsJsonObject();
        assertEquals(1, id.get("lnum").getAsInt());
        assertEquals(26, id.get("col").getAsInt());
        assertEquals(1, id.get("severity").getAsInt(), "vim.diagnostic.severity.ERROR");
        assertEquals("akguard", id.get("source").getAsString());
        assertEquals("alibaba-access-key-pair", id.get("code").getAsString());
        assertTrue(id.get("message").getAsString().contains("at line 3, column 31"), id.toString());
        assertEquals(2, secret.get("lnum").getAsInt());

        List<String> titles =
                events.get("code_actions").getAsJsonArray("titles").asList().stream()
                        .map(JsonElement::getAsString)
                        .toList();
        assertTrue(
                titles.stream()
                        .anyMatch(
                                t ->
                                        t.startsWith(
                                                "Read the credentials from ALIBABA_CLOUD_ACCESS_KEY_ID")),
                titles.toString());
        assertTrue(
                titles.stream().anyMatch(t -> t.equals("Ignore this finding (// akguard:ignore)")),
                titles.toString());

        JsonArray afterEdit = events.get("secret_deleted").getAsJsonArray("diagnostics");
        assertEquals(1, afterEdit.size(), context);
        assertEquals(
                2,
                afterEdit.get(0).getAsJsonObject().get("severity").getAsInt(),
                "vim.diagnostic.severity.WARN");
        assertEquals(0, events.get("ignored").getAsJsonArray("diagnostics").size());
        assertTrue(events.containsKey("done"), context);
    }

    private static String nvim() {
        for (String p : List.of("/usr/bin/nvim", "/usr/local/bin/nvim"))
            if (Files.isExecutable(Path.of(p))) return p;
        String path = System.getenv("PATH");
        if (path != null)
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, "nvim"))) return Path.of(d, "nvim").toString();
            }
        return fail(
                "Neovim is required for this end-to-end test: install it with `apt-get install -y neovim`");
    }

    private static Map<String, JsonObject> read(Path out) throws IOException {
        Map<String, JsonObject> m = new HashMap<>();
        if (!Files.exists(out)) return m;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            m.put(o.get("event").getAsString(), o);
        }
        return m;
    }
}
