package dev.akguard.core.detect;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Why a 30-character token is taken for an AccessKey secret: the name it is assigned to (in any of
 * the syntaxes keys travel in: code, YAML, properties, XML, JSON, escaped JSON, URL-encoded forms,
 * CLI flags, Chinese labels with full-width punctuation), or its place right after an AccessKey ID
 * (constructor and SDK arguments, CSV rows, {@code id:secret@host}).
 */
final class SecretContext {
    /**
     * How a value is labelled. WEAK names ("key", "password") say little on their own, so such a
     * value pairs only with an ID at most {@link #WEAK_LINES} lines away.
     */
    enum Label {
        NONE,
        SECRET,
        WEAK,
        TOKEN
    }

    static final int WEAK_LINES = 3;

    /**
     * Room for a masked old value between a label and its value: the aliyun CLI prompt shows up to
     * 30 stars.
     */
    private static final int MAX_SEPARATOR = 40;

    private static final int MAX_KEY = 64;

    /**
     * "Secret key" in simplified and traditional Chinese (密钥, the common miswriting 秘钥, 密鑰) and
     * Japanese (シークレット).
     */
    private static final byte[][] SECRET_WORDS = {
        utf8("密钥"), utf8("秘钥"), utf8("密鑰"), utf8("シークレット")
    };

    /**
     * Full-width punctuation common in Chinese text: ： ＝ “ ” 　 ， （ 「 」, and the copulas that join a
     * label to its value in prose ("AccessKey Secret为…", "密钥是…"; Japanese "は").
     */
    private static final byte[][] WIDE_SEPARATORS = {
        utf8("："), utf8("＝"), utf8("“"), utf8("”"), utf8("　"), utf8("，"), utf8("（"), utf8("「"),
        utf8("」"), utf8("为"), utf8("為"), utf8("是"), utf8("は")
    };

    private SecretContext() {}

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The label of the value starting at {@code start}, looking back no further than {@code floor}.
     * Up to three (separators, name) hops are taken on the same line, so wrappers and type
     * annotations between the key and the value don't hide it: {@code AccessKeySecret:
     * tea.String("…")}, {@code ALIYUN_SK: string = "…"}, {@code secret = os.getenv("X", "…")}.
     */
    static Label labelOf(byte[] a, int start, int floor) {
        int limit = Math.max(floor, start - 128);
        int i = start;
        for (int hop = 0; hop < 3; hop++) {
            int afterSep = skipSeparatorsBackward(a, i, Math.max(limit, i - MAX_SEPARATOR), limit);
            if (afterSep == i)
                return Label.NONE; // "secretXYZ…" glued together is not an assignment
            int keyEnd = afterSep;
            int k = keyEnd;
            int keyFloor = Math.max(limit, keyEnd - MAX_KEY);
            while (k > keyFloor) {
                byte b = a[k - 1];
                boolean word =
                        Bytes.alnum(b) || b == '_' || b == '-' || b == '.' || (b & 0x80) != 0;
                boolean innerSpace =
                        b == ' ' && k - 2 >= keyFloor && Bytes.alnum(a[k - 2]) && k < keyEnd;
                if (!word && !innerSpace) break;
                k--;
            }
            Label l = classify(a, k, keyEnd);
            if (l != Label.NONE || k == keyEnd) return l;
            i = k;
        }
        return Label.NONE;
    }

    static Label classify(byte[] a, int from, int to) {
        if (to <= from) return Label.NONE;
        if (hasSecretWord(a, from, to)) return Label.SECRET;
        StringBuilder norm = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            byte b = a[k];
            if (Bytes.alnum(b)) norm.append((char) (b >= 'A' && b <= 'Z' ? b + 32 : b));
        }
        String key = norm.toString();
        if (key.contains("securitytoken") || key.contains("ststoken") || key.endsWith("token"))
            return Label.TOKEN;
        if (key.contains("secret") && !key.contains("secretid") && !key.contains("secretname"))
            return Label.SECRET;
        if (key.equals("sk") || key.equals("aksk") || lastWordIs(a, from, to, "sk"))
            return Label.SECRET;
        // "ALIYUN_AKI" / "ALIYUN_AKS": AccessKey ID and AccessKey Secret abbreviated. Weak: AKS is
        // also a Kubernetes service.
        if (lastWordIs(a, from, to, "aks")) return Label.WEAK;
        // ossutil's short flags: "ossutil64 config -e … -i LTAI… -k <secret>". Weak: "-k" means
        // other things elsewhere.
        if (endsWithFlag(a, from, to, 'k')) return Label.WEAK;
        // Older OSS samples call the ID "accessId" and the secret "accessKey".
        if (key.endsWith("accesskey") || key.endsWith("accesskeyvalue")) return Label.SECRET;
        if (key.endsWith("key")
                || key.endsWith("password")
                || key.endsWith("passwd")
                || key.endsWith("pwd")) return Label.WEAK;
        return Label.NONE;
    }

    /**
     * The key's last word, split at _ - . space or a lower-to-upper case change, equals {@code
     * word}.
     */
    private static boolean lastWordIs(byte[] a, int from, int to, String word) {
        int n = word.length();
        if (to - from < n) return false;
        int start = to - n;
        String tail = new String(a, start, n, StandardCharsets.ISO_8859_1);
        if (!tail.equalsIgnoreCase(word)) return false;
        if (start == from) return true;
        byte before = a[start - 1];
        if (before == '_' || before == '-' || before == '.' || before == ' ') return true;
        // camelCase: aliyunSk / aliyunSK
        return before >= 'a' && before <= 'z' && a[start] >= 'A' && a[start] <= 'Z';
    }

    /** The key is a short CLI flag {@code -c}, alone or as the last word of a command line. */
    private static boolean endsWithFlag(byte[] a, int from, int to, char flag) {
        return to - from >= 2
                && a[to - 1] == flag
                && a[to - 2] == '-'
                && (to - 2 == from || a[to - 3] == ' ');
    }

    /**
     * Moves back over quotes, colons, equals signs, escapes and full-width punctuation; never over
     * a line break. Also over the fallback operators that put a hard-coded value after an
     * environment lookup, so the lookup's name labels the value: {@code process.env.X_SECRET ||
     * '…'}, {@code ?? "…"}, Kotlin {@code ?: "…"}, Python {@code os.environ.get("X_SECRET") or "…"}
     * (the word "or" is one more hop), shell {@code ${X_SECRET:-…}}; over subscripts ({@code
     * $ak["accessKeySecret"] = "…"}, {@code os.environ["…"] = "…"}); over Objective-C and C# string
     * prefixes ({@code @"…"}); over the masked old value in the aliyun CLI's prompt ({@code Access
     * Key Secret [****abcd]: …}, one more hop); and over markdown table pipes ({@code | AccessKey
     * Secret | `…` |}).
     */
    static int skipSeparatorsBackward(byte[] a, int i, int floor) {
        return skipSeparatorsBackward(a, i, floor, floor);
    }

    /**
     * As above; HTML tags and entities are separators too (rendered docs and the syntax-highlighted
     * code in committed static sites: {@code accessKeySecret</span>: <span
     * class="hljs-string">&#x27;…}) and don't count against the budget {@code floor}: only {@code
     * hardFloor} bounds them.
     */
    static int skipSeparatorsBackward(byte[] a, int i, int floor, int hardFloor) {
        while (i > floor) {
            byte b = a[i - 1];
            int markup =
                    b == '>'
                            ? tagStartBackward(a, i, hardFloor)
                            : b == ';' ? entityStartBackward(a, i, hardFloor) : -1;
            if (markup >= 0) {
                floor = Math.max(hardFloor, floor - (i - markup));
                i = markup;
                continue;
            }
            switch (b) {
                case ' ',
                        '\t',
                        '"',
                        '\'',
                        '`',
                        ':',
                        '=',
                        '>',
                        '(',
                        ',',
                        '[',
                        '{',
                        '\\',
                        ')',
                        ']',
                        '|',
                        '?',
                        '!',
                        '@',
                        '*' -> {
                    i--;
                    continue;
                }
                default -> {}
            }
            if (b == '-' && i - 2 >= floor && a[i - 2] == ':') {
                i -= 2;
                continue;
            } // shell ${NAME:-default}
            if (i - 3 >= floor && a[i - 3] == '%' && Bytes.hex(a[i - 2]) && Bytes.hex(a[i - 1])) {
                i -= 3;
                continue;
            }
            if (i - 6 >= floor && a[i - 6] == '\\' && a[i - 5] == 'u' && Bytes.hex(a[i - 1])) {
                i -= 6;
                continue;
            }
            boolean wide = false;
            for (byte[] sep : WIDE_SEPARATORS) {
                if (i - sep.length >= floor && Bytes.regionMatches(a, i - sep.length, i, sep)) {
                    i -= sep.length;
                    wide = true;
                    break;
                }
            }
            if (!wide) break;
        }
        return i;
    }

    /**
     * True when only argument punctuation separates the end of an ID from the start of a value:
     * quotes, commas, colons, semicolons, pipes, escapes, at most three line breaks. Catches {@code
     * getProfile("cn-hangzhou", "LTAI…", "…")}, CSV rows and {@code id:secret@host}.
     */
    static boolean adjacentAfter(byte[] a, int idEnd, int valueStart) {
        if (valueStart < idEnd || valueStart - idEnd > 96) return false;
        int lines = 0;
        for (int k = idEnd; k < valueStart; k++) {
            byte b = a[k];
            switch (b) {
                case ' ',
                        '\t',
                        '"',
                        '\'',
                        '`',
                        ',',
                        ':',
                        ';',
                        '=',
                        '|',
                        '(',
                        ')',
                        '/',
                        '@',
                        '\r' -> {}
                case '\n' -> {
                    if (++lines > 3) return false;
                }
                case '\\' -> {
                    if (k + 1 < valueStart
                            && (a[k + 1] == 'n' || a[k + 1] == 't' || a[k + 1] == 'r')) k++;
                }
                case '%' -> {
                    if (k + 2 < valueStart && Bytes.hex(a[k + 1]) && Bytes.hex(a[k + 2])) k += 2;
                    else return false;
                }
                case '<' -> {
                    int tagEnd = tagEndForward(a, k, valueStart);
                    if (tagEnd < 0) {
                        // Spring XML: the next constructor argument of the same bean,
                        // <constructor-arg [index="2"] value="…"/>.
                        if (!xmlValueAttribute(a, k, valueStart)) return false;
                        k = valueStart - 1;
                    } else {
                        if (Bytes.regionMatches(a, k, valueStart, END_BEAN))
                            return false; // the next bean is another object
                        k = tagEnd - 1;
                    }
                }
                case '>' -> {
                    if (k == idEnd || a[k - 1] != '/')
                        return false; // only the end of a self-closing element: "…"/>
                }
                case '&' -> {
                    int entityEnd = entityEndForward(a, k, valueStart);
                    if (entityEnd < 0) return false;
                    k = entityEnd - 1;
                }
                default -> {
                    int wide = wideLength(a, k, valueStart, WIDE_PUNCTUATION);
                    if (wide == 0) return false;
                    k += wide - 1;
                }
            }
        }
        return true;
    }

    private static final byte[] END_BEAN = utf8("</bean");

    /**
     * {@code a[at, valueStart)} is {@code <constructor-arg}, {@code <arg} or {@code <value} with
     * attributes ending in {@code value="}.
     */
    private static boolean xmlValueAttribute(byte[] a, int at, int valueStart) {
        String tag = ascii(a, at, valueStart);
        if (tag.length() > 96 || tag.indexOf('>') >= 0 || tag.indexOf('\n') >= 0) return false;
        return (tag.startsWith("<constructor-arg ") || tag.startsWith("<arg "))
                && (tag.endsWith("value=\"") || tag.endsWith("value='"));
    }

    /** Full-width punctuation between an ID and its secret in Chinese text: "AK/SK：LTAI…，…". */
    private static final byte[][] WIDE_PUNCTUATION = {
        utf8("，"), utf8("、"), utf8("："), utf8("；"), utf8("　"), utf8("“"), utf8("”")
    };

    private static int wideLength(byte[] a, int at, int limit, byte[][] set) {
        for (byte[] w : set) if (Bytes.regionMatches(a, at, limit, w)) return w.length;
        return 0;
    }

    private static final int MAX_MARKUP = 96;

    /**
     * End of the HTML tag starting at {@code at} ({@code <td>}, {@code </span>}, {@code <span
     * class="hljs-string">}), or -1: HTML tables and highlighted code put the secret in the next
     * cell or span after the ID.
     */
    private static int tagEndForward(byte[] a, int at, int limit) {
        if (at + 1 >= limit || !(Bytes.alnum(a[at + 1]) || a[at + 1] == '/')) return -1;
        for (int k = at + 1; k < limit && k - at < MAX_MARKUP; k++) {
            if (a[k] == '>') return k + 1;
            if (a[k] == '<' || a[k] == '\n') return -1;
        }
        return -1;
    }

    /**
     * Bare opening tags that only format text; any other bare element ({@code <accessKeySecret>})
     * is a key.
     */
    private static final Set<String> FORMATTING_TAGS =
            Set.of(
                    "span", "code", "pre", "td", "th", "tr", "b", "i", "em", "strong", "p", "div",
                    "li", "br", "kbd", "tt", "a");

    /**
     * Start of the HTML tag ending just before {@code end}, or -1: so "=>" and "->" stay plain
     * separators, and an XML element such as {@code <accessKeySecret>} stays the value's key.
     */
    private static int tagStartBackward(byte[] a, int end, int floor) {
        for (int k = end - 2; k >= floor && end - k < MAX_MARKUP; k--) {
            byte b = a[k];
            if (b == '<') {
                if (k + 1 >= end || !(Bytes.alnum(a[k + 1]) || a[k + 1] == '/')) return -1;
                boolean bareOpening =
                        a[k + 1] != '/' && Bytes.alnumRun(a, k + 1, end - 1) == end - 2 - k;
                return !bareOpening || FORMATTING_TAGS.contains(ascii(a, k + 1, end - 1)) ? k : -1;
            }
            if (b == '>' || b == '\n') return -1;
        }
        return -1;
    }

    /**
     * End of an HTML entity ({@code &quot;}, {@code &#39;}, {@code &#x27;}, {@code &gt;}) at {@code
     * at}, or -1.
     */
    private static int entityEndForward(byte[] a, int at, int limit) {
        for (int k = at + 1; k < limit && k - at <= 8; k++) {
            if (a[k] == ';') return k - at >= 3 ? k + 1 : -1;
            if (!Bytes.alnum(a[k]) && a[k] != '#') return -1;
        }
        return -1;
    }

    /** Start of the HTML entity ending just before {@code end}, or -1. */
    private static int entityStartBackward(byte[] a, int end, int floor) {
        for (int k = end - 2; k >= floor && end - k <= 9; k--) {
            if (a[k] == '&') return end - k >= 4 ? k : -1;
            if (!Bytes.alnum(a[k]) && a[k] != '#') return -1;
        }
        return -1;
    }

    /**
     * How far the line-shaped checks look for the start or end of a line: a longer line is not that
     * shape.
     */
    private static final int MAX_LINE_LOOK = 1024;

    /**
     * The start of the line holding {@code p}, or {@code floor} when it is further back than {@link
     * #MAX_LINE_LOOK} (so a minified file's one huge line costs no more per value than a short
     * one).
     */
    private static int lineStartWithin(byte[] a, int p, int floor) {
        int limit = Math.max(floor, p - MAX_LINE_LOOK);
        int ls = p;
        while (ls > limit && a[ls - 1] != '\n') ls--;
        return ls > floor && a[ls - 1] != '\n' ? floor : ls;
    }

    /** The previous line labels this one (a comment such as "// AccessKey Secret" or "# 阿里云密钥"). */
    static boolean labelledByPreviousLine(byte[] a, int valueStart, int floor) {
        int lineStart = lineStartWithin(a, valueStart, floor);
        if (lineStart <= floor) return false;
        int prevEnd = lineStart - 1;
        int prevStart = prevEnd;
        while (prevStart > floor && a[prevStart - 1] != '\n' && prevEnd - prevStart < 200)
            prevStart--;
        if (!isComment(a, prevStart, prevEnd)) return false;
        return Bytes.containsIgnoreCase(a, prevStart, prevEnd, "secret")
                || hasSecretWord(a, prevStart, prevEnd);
    }

    /**
     * A value under a generic key ({@code value}, {@code default}) whose name is on the line above: Kubernetes
     * and ECS container env entries ({@code - name: X_SECRET} / {@code value: …}), Hadoop and Spark XML
     * ({@code <name>fs.oss.accessKeySecret</name>} / {@code <value>…</value>}), Terraform variables
     * ({@code variable "secret_key" {} / {@code default = …}). Only a SECRET-strength name counts.
     */
    static boolean namedByPreviousLine(byte[] a, int valueStart, int floor) {
        int lineStart = lineStartWithin(a, valueStart, floor);
        if (lineStart <= floor) return false;
        int keyEnd =
                skipSeparatorsBackward(
                        a, valueStart, Math.max(lineStart, valueStart - MAX_SEPARATOR));
        int k = keyEnd;
        while (k > lineStart && Bytes.alnum(a[k - 1])) k--;
        String key = ascii(a, k, keyEnd);
        if (!key.equals("value") && !key.equals("default")) return false;
        for (int p = lineStart; p < k; p++) {
            byte b = a[p];
            if (b != ' ' && b != '\t' && b != '-' && b != '<' && b != '"' && b != '\'')
                return false; // the key starts the line
        }
        int prevEnd = lineStart - 1;
        int prevStart = prevEnd;
        while (prevStart > floor && a[prevStart - 1] != '\n' && prevEnd - prevStart < 200)
            prevStart--;
        for (int p = prevStart; p < prevEnd; ) {
            if (!isNameByte(a[p])) {
                p++;
                continue;
            }
            int q = p;
            while (q < prevEnd && isNameByte(a[q])) q++;
            if (classify(a, p, q) == Label.SECRET) return true;
            p = q;
        }
        return false;
    }

    /**
     * The value's own line names it after the value: positional SDK arguments with trailing
     * comments ({@code '…', # RAM账号Access Key Secret}, the shape of Alibaba's own samples) and
     * prose ({@code `…` - 这是阿里云AccessKey Secret}). Not when another long token follows (a CSV row,
     * a second value).
     */
    static boolean labelledAfter(byte[] a, int valueEnd, int to) {
        int lineEnd = valueEnd;
        int limit = Math.min(to, valueEnd + 96);
        while (lineEnd < limit && a[lineEnd] != '\n') lineEnd++;
        for (int p = valueEnd; p < lineEnd; ) {
            int run = Bytes.alnumRun(a, p, lineEnd);
            if (run >= 16) return false;
            p += Math.max(run, 1);
        }
        return Bytes.containsIgnoreCase(a, valueEnd, lineEnd, "secret")
                || hasSecretWord(a, valueEnd, lineEnd);
    }

    /**
     * A value alone on its line under a label alone on the line above: text copied from the
     * console's "AccessKey created" dialog ({@code AccessKey Secret} / {@code …}), notes, YAML with
     * the value on the next line. The label line must be short and name a secret by itself.
     */
    static boolean underLabelLine(byte[] a, int valueStart, int valueEnd, int floor, int to) {
        int lineStart = lineStartWithin(a, valueStart, floor);
        if (lineStart <= floor || !onlyPunctuation(a, lineStart, valueStart)) return false;
        int lineEnd = valueEnd;
        while (lineEnd < to && a[lineEnd] != '\n' && lineEnd - valueEnd <= MAX_LINE_LOOK) lineEnd++;
        if (!onlyPunctuation(a, valueEnd, lineEnd)) return false;
        int prevEnd = lineStart - 1;
        while (prevEnd > floor
                && (a[prevEnd - 1] == '\r' || a[prevEnd - 1] == ' ' || a[prevEnd - 1] == '\t'))
            prevEnd--;
        boolean colon = prevEnd > floor && a[prevEnd - 1] == ':';
        while (prevEnd > floor
                && (a[prevEnd - 1] == ' ' || a[prevEnd - 1] == ':' || a[prevEnd - 1] == '\t'))
            prevEnd--;
        for (byte[] c : WIDE_PUNCTUATION) {
            if (prevEnd - c.length >= floor
                    && Bytes.regionMatches(a, prevEnd - c.length, prevEnd, c)) {
                prevEnd -= c.length;
                colon = true;
            }
        }
        int prevStart = prevEnd;
        while (prevStart > floor && a[prevStart - 1] != '\n' && prevEnd - prevStart <= 40)
            prevStart--;
        if (prevStart > floor && a[prevStart - 1] != '\n') {
            // Too long for a label line, unless it ends in a label and a colon after a tab:
            // "LTAI…<TAB>AccessKeySecret："
            // (block comments listing an ID and, on the next line, its secret).
            int tab = prevEnd;
            while (tab > prevStart && a[tab - 1] != '\t') tab--;
            if (!colon || tab <= prevStart) return false;
            prevStart = tab;
        }
        while (prevStart < prevEnd
                && (a[prevStart] == ' '
                        || a[prevStart] == '\t'
                        || a[prevStart] == '-'
                        || a[prevStart] == '#')) prevStart++;
        for (int p = prevStart; p < prevEnd; p++) {
            byte b = a[p];
            if (!(isNameByte(b) || b == ' ' || (b & 0x80) != 0)) return false; // a label, not code
        }
        return classify(a, prevStart, prevEnd) == Label.SECRET;
    }

    /**
     * Structure instead of a name: the value's line and a neighbouring line holding an ID are
     * declarations of the same shape (same text before the name, same punctuation between name and
     * value, same ending), as in {@code ACCESS_KEY = "LTAI…"} / {@code ACCESS_SECRT = "…"}, {@code
     * AS = …}, {@code ali_sec: …}: abbreviated or misspelled names that no word list knows. {@code
     * idStarts}: every ID's offset, ascending.
     */
    static boolean sameShapeAsIdLine(
            byte[] a, int valueStart, int valueEnd, int floor, int to, int[] idStarts) {
        int ls = lineStartWithin(a, valueStart, floor);
        if (ls < floor || (ls == floor && ls > 0 && a[ls - 1] != '\n')) return false;
        int le = valueEnd;
        while (le < to && a[le] != '\n' && le - valueEnd <= 64) le++;
        if (le < to && a[le] != '\n') return false;
        String shape = shape(a, ls, le, valueStart, valueEnd);
        if (shape == null) return false;
        // The line above and the line below.
        int prevEnd = ls - 1, nextStart = le + 1;
        if (prevEnd > floor) {
            int ps = prevEnd;
            while (ps > floor && a[ps - 1] != '\n' && prevEnd - ps <= 256) ps--;
            if (shapeWithId(a, ps, prevEnd, idStarts, shape)) return true;
        }
        if (nextStart < to) {
            int ne = nextStart;
            while (ne < to && a[ne] != '\n' && ne - nextStart <= 256) ne++;
            return shapeWithId(a, nextStart, ne, idStarts, shape);
        }
        return false;
    }

    private static boolean shapeWithId(byte[] a, int ls, int le, int[] idStarts, String shape) {
        int k = java.util.Arrays.binarySearch(idStarts, ls);
        int i = k >= 0 ? k : -k - 1;
        if (i >= idStarts.length || idStarts[i] >= le) return false;
        int idStart = idStarts[i], idEnd = idStart + Bytes.alnumRun(a, idStart + 4, le) + 4;
        return shape.equals(shape(a, ls, le, idStart, idEnd));
    }

    /**
     * "indent|separator|ending" of a one-value declaration line, or null when it is not one: the
     * name must be short.
     */
    private static String shape(byte[] a, int ls, int le, int vs, int ve) {
        int sepStart = vs;
        while (sepStart > ls
                && (a[sepStart - 1] == ' '
                        || a[sepStart - 1] == '"'
                        || a[sepStart - 1] == '\''
                        || a[sepStart - 1] == '='
                        || a[sepStart - 1] == ':'
                        || a[sepStart - 1] == '\t')) sepStart--;
        int nameStart = sepStart;
        while (nameStart > ls && isNameByte(a[nameStart - 1])) nameStart--;
        int nameLen = sepStart - nameStart;
        if (nameLen == 0 || nameLen > 24 || sepStart == vs) return null;
        for (int p = ve; p < le; p++)
            if (Bytes.alnum(a[p]))
                return null; // nothing else on the line (a comment would differ anyway)
        String name = ascii(a, nameStart, sepStart);
        for (String w : NOT_SECRETS) if (name.contains(w)) return null;
        // The names start alike (ACCESS_KEY / ACCESS_SECRT / AS, ali_key / ali_sec): "id" and
        // "checksum" are not a pair.
        return ascii(a, ls, nameStart)
                + "|"
                + name.charAt(0)
                + "|"
                + ascii(a, sepStart, vs)
                + "|"
                + ascii(a, ve, le);
    }

    /**
     * The value is a string argument of a signing or client call, where SDK samples pass the secret
     * positionally without a name: {@code computeSignature($params, '…')}, {@code new
     * DefaultProfile(region, ak, "…")}, {@code hmac_sha1("…", data)}, {@code Auth(ak, '…')}.
     */
    static boolean signingCallArgument(byte[] a, int valueStart, int valueEnd, int floor, int to) {
        if (valueStart - 1 < floor || valueEnd >= to) return false;
        byte q = a[valueStart - 1];
        if ((q != '"' && q != '\'') || a[valueEnd] != q) return false;
        int k = valueEnd + 1;
        while (k < to && a[k] == ' ') k++;
        if (k >= to || (a[k] != ')' && a[k] != ',')) return false;
        // Back to the call's open parenthesis on the same line, over the other arguments.
        int depth = 0, p = valueStart - 2;
        int limit = Math.max(floor, valueStart - 160);
        for (; p >= limit; p--) {
            byte b = a[p];
            if (b == '\n') return false;
            if (b == ')') depth++;
            else if (b == '(') {
                if (depth == 0) break;
                depth--;
            }
        }
        if (p < limit) return false;
        int nameEnd = p;
        int nameStart = nameEnd;
        while (nameStart > limit && (isNameByte(a[nameStart - 1]) || a[nameStart - 1] == '$'))
            nameStart--;
        String callee = ascii(a, nameStart, nameEnd);
        for (String w : SIGNING_CALLS) if (callee.contains(w)) return true;
        return false;
    }

    /** Names of values that are random and 30 characters long without being secrets. */
    private static final String[] NOT_SECRETS = {
        "checksum", "hash", "digest", "md5", "sha", "etag", "uuid", "nonce", "salt", "crc"
    };

    private static final String[] SIGNING_CALLS = {
        "sign", "hmac", "credential", "auth", "profile", "acsclient", "ossclient", "accesskey"
    };

    private static boolean onlyPunctuation(byte[] a, int from, int to) {
        for (int p = from; p < to; p++) {
            byte b = a[p];
            if (b != ' ' && b != '\t' && b != '\r' && b != '"' && b != '\'' && b != '`' && b != ','
                    && b != ';') return false;
        }
        return true;
    }

    private static boolean isNameByte(byte b) {
        return Bytes.alnum(b) || b == '_' || b == '-' || b == '.';
    }

    private static boolean isComment(byte[] a, int from, int to) {
        int i = from;
        while (i < to && (a[i] == ' ' || a[i] == '\t')) i++;
        if (i >= to) return false;
        byte b = a[i];
        return b == '#'
                || b == ';'
                || (b == '/' && i + 1 < to && (a[i + 1] == '/' || a[i + 1] == '*'))
                || b == '*'
                || (b == '-' && i + 1 < to && a[i + 1] == '-')
                || (b == '<' && i + 3 < to && a[i + 1] == '!');
    }

    private static boolean hasSecretWord(byte[] a, int from, int to) {
        for (byte[] w : SECRET_WORDS) if (indexOf(a, from, to, w) >= 0) return true;
        return false;
    }

    static int indexOf(byte[] a, int from, int to, byte[] needle) {
        for (int i = from; i + needle.length <= to; i++)
            if (Bytes.regionMatches(a, i, to, needle)) return i;
        return -1;
    }

    static String ascii(byte[] a, int from, int to) {
        return new String(a, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
