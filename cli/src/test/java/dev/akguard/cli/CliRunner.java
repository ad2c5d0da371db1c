package dev.akguard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the akguard command line in-process and captures what it prints. */
public final class CliRunner {
    public record Run(int exit, String out, String err) {}

    private CliRunner() {}

    public static Run run(String... args) {
        CommandLine cl = AkguardCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
