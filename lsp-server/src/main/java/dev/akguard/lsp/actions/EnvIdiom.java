package dev.akguard.lsp.actions;

import dev.akguard.lsp.document.TextDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * How a language reads an environment variable, and how to put that in place of a credential
 * literal. Code idioms replace the whole string literal, quotes included ({@code "LTAI…"} becomes
 * {@code System.getenv("…")}); they apply only when the credential is the entire literal, since
 * splicing an expression into the middle of a longer string would need language-specific
 * concatenation we would rather not guess at.
 */
public enum EnvIdiom {
    JAVA("\"", false),
    PYTHON("\"'", true),
    GO("\"`", false),
    NODE("\"'`", false),
    /**
     * Spring {@code ${…}} placeholders in .properties and YAML: the token itself is replaced,
     * quotes kept.
     */
    PLACEHOLDER("", false),
    /**
     * A .env entry keeps its name, loses its value and gets a comment saying where the value should
     * come from.
     */
    DOTENV("\"'", false),
    NONE("", false);

    private static final Pattern PY_IMPORT_OS =
            Pattern.compile(
                    "(?m)^\\s*(import\\s+([\\w.]+\\s*,\\s*)*os\\b|from\\s+os\\s+import\\b)");
    private static final Pattern GO_IMPORT_OS =
            Pattern.compile("(?m)^\\s*(import\\s+)?\"os\"\\s*$");

    private final String quotes;
    private final boolean stringPrefixes;

    EnvIdiom(String quotes, boolean stringPrefixes) {
        this.quotes = quotes;
        this.stringPrefixes = stringPrefixes;
    }

    public boolean available() {
        return this != NONE;
    }

    /** The text that reads the variable, e.g. {@code os.Getenv("ALIBABA_CLOUD_ACCESS_KEY_ID")}. */
    public String expression(String variable) {
        return switch (this) {
            case JAVA -> "System.getenv(\"" + variable + "\")";
            case PYTHON -> "os.environ[\"" + variable + "\"]";
            case GO -> "os.Getenv(\"" + variable + "\")";
            case NODE -> "process.env." + variable;
            case PLACEHOLDER -> "${" + variable + "}";
            case DOTENV, NONE -> "";
        };
    }

    /**
     * Edits that replace {@code doc[start, end)} (a credential token) by reading {@code variable},
     * or null when the token is not something this idiom can replace safely.
     */
    public List<TextEdit> replace(TextDocument doc, int start, int end, String variable) {
        String t = doc.text();
        return switch (this) {
            case NONE -> null;
            case PLACEHOLDER -> List.of(edit(doc, start, end, expression(variable)));
            case DOTENV -> dotenv(doc, start, end, variable);
            default -> {
                int[] lit = quotedLiteral(t, start, end);
                yield lit == null ? null : List.of(edit(doc, lit[0], lit[1], expression(variable)));
            }
        };
    }

    /**
     * {@code [from, to)} of the string literal that is exactly the token, quotes (and Python
     * prefixes) included.
     */
    private int[] quotedLiteral(String t, int start, int end) {
        if (start == 0 || end >= t.length()) return null;
        char q = t.charAt(start - 1);
        if (quotes.indexOf(q) < 0 || t.charAt(end) != q) return null;
        int k = 1;
        while (k < 3 && start - 1 - k >= 0 && t.charAt(start - 1 - k) == q) k++;
        int m = 1;
        while (m < 3 && end + m < t.length() && t.charAt(end + m) == q) m++;
        if (k != m || k == 2) return null; // "" + token + "" is not one literal
        int from = start - k, to = end + k;
        if (stringPrefixes) {
            int p = from;
            while (p > 0 && from - p < 2 && "rRuUfFbB".indexOf(t.charAt(p - 1)) >= 0) p--;
            if (p < from && p > 0 && Character.isJavaIdentifierPart(t.charAt(p - 1)))
                return null; // part of a name
            if (t.substring(p, from).toLowerCase(Locale.ROOT).contains("b"))
                return null; // bytes literal: os.environ gives str
            from = p;
        } else if (from > 0 && Character.isJavaIdentifierPart(t.charAt(from - 1)) && q != '`') {
            return null; // a prefixed literal we do not understand (e.g. Kotlin/Go raw forms)
        }
        return new int[] {from, to};
    }

    private static List<TextEdit> dotenv(TextDocument doc, int start, int end, String variable) {
        Position sp = doc.positionAt(start);
        int lineStart = doc.lineStart(sp.getLine());
        String line = doc.lineText(sp.getLine());
        Matcher m =
                Pattern.compile("^\\s*(export\\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\\s*=\\s*")
                        .matcher(line);
        if (!m.find()) return null;
        int valueFrom = lineStart + m.end(), valueTo;
        String t = doc.text();
        if (valueFrom == start) valueTo = end;
        else if (valueFrom == start - 1
                && end < t.length()
                && t.charAt(start - 1) == t.charAt(end)
                && "\"'".indexOf(t.charAt(end)) >= 0) valueTo = end + 1;
        else return null; // the credential is only part of the value
        List<TextEdit> edits = new ArrayList<>(2);
        String name = m.group(2);
        edits.add(
                new TextEdit(
                        new Range(new Position(sp.getLine(), 0), new Position(sp.getLine(), 0)),
                        "# akguard: credential removed; set "
                                + name
                                + " in the environment or a secret manager (e.g. from "
                                + variable
                                + "), never in a committed file\n"));
        edits.add(edit(doc, valueFrom, valueTo, ""));
        return edits;
    }

    /** An import the replacement needs, when the file does not have it yet (null otherwise). */
    public TextEdit importEdit(TextDocument doc) {
        String t = doc.text();
        return switch (this) {
            case PYTHON ->
                    PY_IMPORT_OS.matcher(t).find()
                            ? null
                            : insertLine(doc, pythonImportLine(doc), "import os\n");
            case GO -> GO_IMPORT_OS.matcher(t).find() ? null : goImport(doc);
            default -> null;
        };
    }

    /**
     * Before the first top-level import, after any {@code from __future__} imports, shebang,
     * encoding line or docstring start.
     */
    private static int pythonImportLine(TextDocument doc) {
        int firstImport = -1, afterFuture = -1, afterHeader = 0;
        for (int i = 0; i < doc.lineCount(); i++) {
            String l = doc.lineText(i);
            if (l.startsWith("from __future__ ")) afterFuture = i + 1;
            else if (firstImport < 0 && (l.startsWith("import ") || l.startsWith("from ")))
                firstImport = i;
            if (i == afterHeader
                    && (l.startsWith("#!") || l.startsWith("# -*-") || l.startsWith("# coding")))
                afterHeader = i + 1;
        }
        if (afterFuture >= 0) return afterFuture;
        return firstImport >= 0 ? firstImport : afterHeader;
    }

    private static TextEdit goImport(TextDocument doc) {
        int pkg = -1;
        for (int i = 0; i < doc.lineCount(); i++) {
            String l = doc.lineText(i).strip();
            if (l.startsWith("import (")) return insertLine(doc, i + 1, "\t\"os\"\n");
            if (l.startsWith("import ")) return insertLine(doc, i, "import \"os\"\n");
            if (pkg < 0 && l.startsWith("package ")) pkg = i;
        }
        return pkg < 0 ? null : insertLine(doc, pkg + 1, "\nimport \"os\"\n");
    }

    private static TextEdit insertLine(TextDocument doc, int line, String text) {
        if (line >= doc.lineCount()) { // after the last line: make sure we start on a fresh line
            int end = doc.text().length();
            Position p = doc.positionAt(end);
            boolean needsBreak = end > 0 && doc.text().charAt(end - 1) != '\n';
            return new TextEdit(new Range(p, p), (needsBreak ? "\n" : "") + text);
        }
        Position p = new Position(line, 0);
        return new TextEdit(new Range(p, p), text);
    }

    static TextEdit edit(TextDocument doc, int from, int to, String text) {
        return new TextEdit(new Range(doc.positionAt(from), doc.positionAt(to)), text);
    }
}
