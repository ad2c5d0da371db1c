package dev.akguard.cli.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for bin/akguard in end-to-end tests: a shell script that runs {@code
 * dev.akguard.cli.Main} with this test run's own classpath, so the tests exercise the real hook
 * scripts, git and akguard without depending on `mvn package` having built the jar. Surefire
 * publishes the real classpath as {@code surefire.test.class.path} (java.class.path may be its
 * manifest-only booter jar, which works too).
 */
public final class TestLauncher {
    private TestLauncher() {}

    public static Path create(Path dir) throws IOException {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = dir.resolve("akguard");
        Files.createDirectories(dir);
        Files.writeString(
                script,
                "#!/bin/sh\nexec '"
                        + java
                        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                        + cp
                        + "' dev.akguard.cli.Main \"$@\"\n",
                StandardCharsets.UTF_8);
        if (!script.toFile().setExecutable(true))
            throw new IOException("cannot make " + script + " executable");
        return script;
    }
}
