package dev.akguard.lsp.actions;

import java.util.Locale;
import java.util.Map;

/**
 * What the quick fixes need to know about a file's language: how to write a comment at the end of a
 * line, and how code in it reads an environment variable. Detected from the file name first
 * (editors disagree on language ids: Neovim calls a .env file "sh"), then from the client's
 * languageId.
 */
public enum FileLanguage {
    JAVA(Comment.SLASH, EnvIdiom.JAVA),
    KOTLIN(Comment.SLASH, EnvIdiom.JAVA),
    PYTHON(Comment.HASH, EnvIdiom.PYTHON),
    GO(Comment.SLASH, EnvIdiom.GO),
    JAVASCRIPT(Comment.SLASH, EnvIdiom.NODE),
    TYPESCRIPT(Comment.SLASH, EnvIdiom.NODE),
    /**
     * Spring and other .properties: a '#' after a value is part of the value, so no end-of-line
     * comment.
     */
    PROPERTIES(Comment.NONE, EnvIdiom.PLACEHOLDER),
    YAML(Comment.HASH, EnvIdiom.PLACEHOLDER),
    DOTENV(Comment.HASH, EnvIdiom.DOTENV),
    MARKUP(Comment.XML, EnvIdiom.NONE),
    DASH_COMMENT(Comment.DASH, EnvIdiom.NONE),
    INI(Comment.SEMICOLON, EnvIdiom.NONE),
    HASH_COMMENT(Comment.HASH, EnvIdiom.NONE),
    SLASH_COMMENT(Comment.SLASH, EnvIdiom.NONE),
    /** JSON and anything unknown: no comment syntax we can trust. */
    OTHER(Comment.NONE, EnvIdiom.NONE);

    /** How a trailing comment is written. */
    public enum Comment {
        SLASH("// ", ""),
        HASH("# ", ""),
        XML("<!-- ", " -->"),
        DASH("-- ", ""),
        SEMICOLON("; ", ""),
        NONE(null, null);
        private final String open, close;

        Comment(String open, String close) {
            this.open = open;
            this.close = close;
        }

        /** Null when the language has no end-of-line comment. */
        public String wrap(String text) {
            return open == null ? null : open + text + close;
        }
    }

    private final Comment comment;
    private final EnvIdiom idiom;

    FileLanguage(Comment comment, EnvIdiom idiom) {
        this.comment = comment;
        this.idiom = idiom;
    }

    public Comment comment() {
        return comment;
    }

    public EnvIdiom idiom() {
        return idiom;
    }

    private static final Map<String, FileLanguage> BY_EXTENSION =
            Map.ofEntries(
                    Map.entry("java", JAVA),
                    Map.entry("kt", KOTLIN),
                    Map.entry("kts", KOTLIN),
                    Map.entry("py", PYTHON),
                    Map.entry("pyw", PYTHON),
                    Map.entry("go", GO),
                    Map.entry("js", JAVASCRIPT),
                    Map.entry("mjs", JAVASCRIPT),
                    Map.entry("cjs", JAVASCRIPT),
                    Map.entry("jsx", JAVASCRIPT),
                    Map.entry("ts", TYPESCRIPT),
                    Map.entry("mts", TYPESCRIPT),
                    Map.entry("cts", TYPESCRIPT),
                    Map.entry("tsx", TYPESCRIPT),
                    Map.entry("properties", PROPERTIES),
                    Map.entry("yml", YAML),
                    Map.entry("yaml", YAML),
                    Map.entry("env", DOTENV),
                    Map.entry("xml", MARKUP),
                    Map.entry("html", MARKUP),
                    Map.entry("htm", MARKUP),
                    Map.entry("md", MARKUP),
                    Map.entry("markdown", MARKUP),
                    Map.entry("vue", MARKUP),
                    Map.entry("svg", MARKUP),
                    Map.entry("sql", DASH_COMMENT),
                    Map.entry("lua", DASH_COMMENT),
                    Map.entry("hs", DASH_COMMENT),
                    Map.entry("ini", INI),
                    Map.entry("clj", INI),
                    Map.entry("el", INI),
                    Map.entry("lisp", INI),
                    Map.entry("sh", HASH_COMMENT),
                    Map.entry("bash", HASH_COMMENT),
                    Map.entry("zsh", HASH_COMMENT),
                    Map.entry("rb", HASH_COMMENT),
                    Map.entry("toml", HASH_COMMENT),
                    Map.entry("pl", HASH_COMMENT),
                    Map.entry("r", HASH_COMMENT),
                    Map.entry("ps1", HASH_COMMENT),
                    Map.entry("tf", HASH_COMMENT),
                    Map.entry("conf", HASH_COMMENT),
                    Map.entry("cfg", HASH_COMMENT),
                    Map.entry("dockerfile", HASH_COMMENT),
                    Map.entry("c", SLASH_COMMENT),
                    Map.entry("h", SLASH_COMMENT),
                    Map.entry("cpp", SLASH_COMMENT),
                    Map.entry("cc", SLASH_COMMENT),
                    Map.entry("hpp", SLASH_COMMENT),
                    Map.entry("cs", SLASH_COMMENT),
                    Map.entry("rs", SLASH_COMMENT),
                    Map.entry("swift", SLASH_COMMENT),
                    Map.entry("php", SLASH_COMMENT),
                    Map.entry("scala", SLASH_COMMENT),
                    Map.entry("groovy", SLASH_COMMENT),
                    Map.entry("gradle", SLASH_COMMENT),
                    Map.entry("dart", SLASH_COMMENT),
                    Map.entry("jsonc", SLASH_COMMENT),
                    Map.entry("json5", SLASH_COMMENT));

    private static final Map<String, FileLanguage> BY_LANGUAGE_ID =
            Map.ofEntries(
                    Map.entry("java", JAVA),
                    Map.entry("kotlin", KOTLIN),
                    Map.entry("python", PYTHON),
                    Map.entry("go", GO),
                    Map.entry("javascript", JAVASCRIPT),
                    Map.entry("javascriptreact", JAVASCRIPT),
                    Map.entry("typescript", TYPESCRIPT),
                    Map.entry("typescriptreact", TYPESCRIPT),
                    Map.entry("properties", PROPERTIES),
                    Map.entry("java-properties", PROPERTIES),
                    Map.entry("jproperties", PROPERTIES),
                    Map.entry("spring-boot-properties", PROPERTIES),
                    Map.entry("yaml", YAML),
                    Map.entry("spring-boot-properties-yaml", YAML),
                    Map.entry("dotenv", DOTENV),
                    Map.entry("xml", MARKUP),
                    Map.entry("html", MARKUP),
                    Map.entry("markdown", MARKUP),
                    Map.entry("sql", DASH_COMMENT),
                    Map.entry("lua", DASH_COMMENT),
                    Map.entry("haskell", DASH_COMMENT),
                    Map.entry("ini", INI),
                    Map.entry("dosini", INI),
                    Map.entry("clojure", INI),
                    Map.entry("lisp", INI),
                    Map.entry("shellscript", HASH_COMMENT),
                    Map.entry("sh", HASH_COMMENT),
                    Map.entry("bash", HASH_COMMENT),
                    Map.entry("zsh", HASH_COMMENT),
                    Map.entry("ruby", HASH_COMMENT),
                    Map.entry("toml", HASH_COMMENT),
                    Map.entry("perl", HASH_COMMENT),
                    Map.entry("r", HASH_COMMENT),
                    Map.entry("powershell", HASH_COMMENT),
                    Map.entry("dockerfile", HASH_COMMENT),
                    Map.entry("terraform", HASH_COMMENT),
                    Map.entry("makefile", HASH_COMMENT),
                    Map.entry("c", SLASH_COMMENT),
                    Map.entry("cpp", SLASH_COMMENT),
                    Map.entry("csharp", SLASH_COMMENT),
                    Map.entry("rust", SLASH_COMMENT),
                    Map.entry("swift", SLASH_COMMENT),
                    Map.entry("php", SLASH_COMMENT),
                    Map.entry("scala", SLASH_COMMENT),
                    Map.entry("groovy", SLASH_COMMENT),
                    Map.entry("dart", SLASH_COMMENT),
                    Map.entry("jsonc", SLASH_COMMENT));

    /**
     * @param fileName the document's last path segment (may be null); @param languageId the
     *     client's id (may be null)
     */
    public static FileLanguage detect(String fileName, String languageId) {
        if (fileName != null) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.equals(".env") || name.startsWith(".env.") || name.endsWith(".env"))
                return DOTENV;
            if (name.equals("dockerfile")
                    || name.equals("makefile")
                    || name.startsWith("dockerfile.")) return HASH_COMMENT;
            int dot = name.lastIndexOf('.');
            if (dot >= 0) {
                FileLanguage l = BY_EXTENSION.get(name.substring(dot + 1));
                if (l != null) return l;
            }
        }
        if (languageId != null) {
            FileLanguage l = BY_LANGUAGE_ID.get(languageId.toLowerCase(Locale.ROOT));
            if (l != null) return l;
        }
        return OTHER;
    }
}
