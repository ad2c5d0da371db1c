package dev.akguard.cli.docs;

import dev.akguard.cli.AkguardCommand;
import dev.akguard.core.report.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes one roff man page per command ({@code akguard.1}, {@code akguard-scan.1}, {@code
 * akguard-hook-install.1}, …) from the same picocli model that prints --help, so the pages never
 * drift from the options. Run at build time (cli/pom.xml: exec-maven-plugin, prepare-package) into
 * {@code cli/target/man/man1}. picocli-codegen's ManPageGenerator writes AsciiDoc, which needs
 * asciidoctor to become a man page; this writes roff directly.
 */
public final class ManPages {
    private ManPages() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/man/man1");
        List<Path> written = write(out);
        System.out.println("akguard: wrote " + written.size() + " man pages to " + out);
    }

    public static List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        writeTree(AkguardCommand.commandLine(), dir, written);
        return written;
    }

    private static void writeTree(CommandLine cl, Path dir, List<Path> written) throws IOException {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.usageMessage().hidden()) return;
        Path file = dir.resolve(pageName(spec) + ".1");
        Files.writeString(file, render(cl), StandardCharsets.UTF_8);
        written.add(file);
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().name().equals("help")) continue;
            if (!sub.getCommandSpec().name().equals(sub.getCommandName())) continue; // an alias
            writeTree(sub, dir, written);
        }
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    static String render(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        StringBuilder s = new StringBuilder();
        s.append(".TH \"")
                .append(pageName(spec).toUpperCase(Locale.ROOT))
                .append("\" 1 \"\" \"akguard ")
                .append(esc(Version.get()))
                .append("\" \"akguard manual\"\n");
        s.append(".SH NAME\n")
                .append(esc(pageName(spec)))
                .append(" \\- ")
                .append(esc(firstSentence(spec)))
                .append('\n');
        s.append(".SH SYNOPSIS\n.nf\n")
                .append(esc(plain(cl.getHelp().synopsis(0)).strip()))
                .append("\n.fi\n");
        s.append(".SH DESCRIPTION\n");
        for (String d : spec.usageMessage().description()) if (!d.isBlank()) s.append(paragraph(d));
        if (!spec.positionalParameters().isEmpty()) {
            s.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (p.hidden()) continue;
                s.append(".TP\n\\fI")
                        .append(esc(p.paramLabel()))
                        .append("\\fR\n")
                        .append(esc(String.join(" ", p.description())))
                        .append('\n');
            }
        }
        if (!spec.options().isEmpty()) {
            s.append(".SH OPTIONS\n");
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                s.append(".TP\n");
                List<String> names = new ArrayList<>();
                for (String n : o.names()) names.add("\\fB" + esc(n) + "\\fR");
                s.append(String.join(", ", names));
                if (o.arity().max() > 0)
                    s.append(" \\fI").append(esc(o.paramLabel())).append("\\fR");
                s.append('\n')
                        .append(
                                esc(
                                        plain(
                                                String.join(" ", o.description())
                                                        .replace(
                                                                "${DEFAULT-VALUE}",
                                                                String.valueOf(o.defaultValue())))))
                        .append('\n');
            }
        }
        List<String> subs = new ArrayList<>();
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals("help")
                    && !e.getValue().getCommandSpec().usageMessage().hidden())
                subs.add(pageName(e.getValue().getCommandSpec()));
        }
        if (!subs.isEmpty()) {
            s.append(".SH COMMANDS\n");
            for (var e : cl.getSubcommands().entrySet()) {
                if (e.getKey().equals("help")) continue;
                s.append(".TP\n\\fB")
                        .append(esc(e.getKey()))
                        .append("\\fR\n")
                        .append(esc(firstSentence(e.getValue().getCommandSpec())))
                        .append('\n');
            }
        }
        String[] footer = spec.usageMessage().footer();
        if (footer.length > 0) {
            s.append(".SH NOTES\n.nf\n");
            for (String f : footer) s.append(esc(plain(f))).append('\n');
            s.append(".fi\n");
        }
        s.append(".SH SEE ALSO\n");
        List<String> see = new ArrayList<>(subs);
        if (spec.parent() != null) see.add(0, pageName(spec.parent()));
        if (see.isEmpty()) see.add("git(1)");
        for (int i = 0; i < see.size(); i++) {
            String n = see.get(i);
            s.append("\\fB")
                    .append(esc(n.endsWith(")") ? n.substring(0, n.indexOf('(')) : n))
                    .append("\\fR(1)")
                    .append(i + 1 < see.size() ? ",\n" : "\n");
        }
        return s.toString();
    }

    private static String firstSentence(CommandSpec spec) {
        String[] d = spec.usageMessage().description();
        String text = d.length == 0 ? spec.name() : plain(d[0]).strip();
        int dot = text.indexOf(". ");
        return dot > 0 ? text.substring(0, dot + 1) : text;
    }

    private static String paragraph(String text) {
        return ".PP\n" + esc(plain(text).strip()) + "\n";
    }

    /** Drops picocli's ANSI markup and help-time variables. */
    private static String plain(String s) {
        return s.replaceAll("\u001B\\[[0-9;]*m", "")
                .replaceAll("@\\|\\w+(,\\w+)* ([^|]*)\\|@", "$2");
    }

    /**
     * roff escaping: backslashes, hyphens, non-ASCII as \[uXXXX], and a line that would start with
     * a control character.
     */
    public static String esc(String s) {
        StringBuilder u = new StringBuilder();
        s.codePoints()
                .forEach(
                        cp -> {
                            if (cp == '\\') u.append("\\e");
                            else if (cp == '-') u.append("\\-");
                            else if (cp >= 0x80) u.append(String.format("\\[u%04X]", cp));
                            else if (cp < 0x20 && cp != '\n') u.append(' ');
                            else u.appendCodePoint(cp);
                        });
        String t = u.toString();
        StringBuilder b = new StringBuilder();
        for (String line : t.split("\n", -1)) {
            if (b.length() > 0) b.append('\n');
            if (line.startsWith(".") || line.startsWith("'")) b.append("\\&");
            b.append(line);
        }
        return b.toString();
    }
}
