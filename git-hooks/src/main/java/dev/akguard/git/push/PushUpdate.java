package dev.akguard.git.push;

import dev.akguard.git.GitException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One line of git's pre-push input: {@code <local ref> <local sha> <remote ref> <remote sha>}. An
 * all-zero local sha deletes the remote ref; an all-zero remote sha creates it.
 */
public record PushUpdate(String localRef, ObjectId localId, String remoteRef, ObjectId remoteId) {

    public boolean isDeletion() {
        return localId.equals(ObjectId.zeroId());
    }

    public boolean isNewRef() {
        return remoteId.equals(ObjectId.zeroId());
    }

    public static PushUpdate parse(String line) {
        String[] p = line.trim().split("\\s+");
        if (p.length != 4) {
            throw new GitException(
                    "unexpected pre-push input line '"
                            + line
                            + "': git sends '<local ref> <local sha> <remote ref> <remote sha>'; "
                            + "run this command only from the installed pre-push hook");
        }
        return new PushUpdate(p[0], id(p[1], line), p[2], id(p[3], line));
    }

    private static ObjectId id(String s, String line) {
        if (!ObjectId.isId(s)) {
            throw new GitException(
                    "'" + s + "' in pre-push input line '" + line + "' is not a full object id");
        }
        return ObjectId.fromString(s);
    }

    /** Every non-blank line (git sends one per ref being pushed). */
    public static List<PushUpdate> readAll(Reader in) throws IOException {
        List<PushUpdate> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        for (String line; (line = r.readLine()) != null; ) {
            if (!line.isBlank()) out.add(parse(line));
        }
        return out;
    }
}
