package dev.akguard.git.receive;

import dev.akguard.git.GitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One line of git's pre-receive input: {@code <old sha> <new sha> <ref name>}. An all-zero new sha
 * deletes the ref; an all-zero old sha creates it.
 */
public record RefUpdate(ObjectId oldId, ObjectId newId, String ref) {
    /**
     * Bounds what a hostile or broken caller can make us hold: git sends one line per ref in the
     * push.
     */
    static final int MAX_LINES = 100_000;

    public boolean isDeletion() {
        return newId.equals(ObjectId.zeroId());
    }

    public boolean isCreation() {
        return oldId.equals(ObjectId.zeroId());
    }

    public static RefUpdate parse(String line) {
        String[] p = line.trim().split("\\s+", 3);
        if (p.length != 3 || p[2].isBlank()) {
            throw new GitException(
                    "unexpected pre-receive input line '"
                            + printable(line)
                            + "': git sends '<old sha> <new sha> <ref name>'; "
                            + "run this command only from a repository's pre-receive hook");
        }
        return new RefUpdate(id(p[0], line), id(p[1], line), p[2]);
    }

    private static ObjectId id(String s, String line) {
        if (!ObjectId.isId(s))
            throw new GitException(
                    "'"
                            + printable(s)
                            + "' in pre-receive input line '"
                            + printable(line)
                            + "' is not a full object id");
        return ObjectId.fromString(s);
    }

    /** Input comes from whoever runs the hook: keep control characters out of our messages. */
    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    public static List<RefUpdate> readAll(Reader in) throws IOException {
        List<RefUpdate> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) continue;
            if (out.size() >= MAX_LINES)
                throw new GitException(
                        "more than "
                                + MAX_LINES
                                + " ref updates in one push; refusing to check them");
            out.add(parse(line));
        }
        return out;
    }
}
