package dev.akguard.lsp.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Applies a code action's edits to a text the way an editor does (independently of the server's own
 * text model).
 */
public final class Edits {
    private Edits() {}

    public static String apply(String text, CodeAction action, String uri) {
        return apply(text, editsOf(action.getEdit(), uri));
    }

    public static List<TextEdit> editsOf(WorkspaceEdit we, String uri) {
        List<TextEdit> edits = new ArrayList<>();
        if (we.getChanges() != null && we.getChanges().get(uri) != null)
            edits.addAll(we.getChanges().get(uri));
        if (we.getDocumentChanges() != null) {
            for (Either<TextDocumentEdit, ?> e : we.getDocumentChanges()) {
                if (e.isLeft() && e.getLeft().getTextDocument().getUri().equals(uri))
                    edits.addAll(e.getLeft().getEdits());
            }
        }
        return edits;
    }

    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        // last edit first so earlier offsets stay valid; for equal starts keep the given order
        Comparator<TextEdit> byStart =
                Comparator.comparingInt(e -> offset(text, e.getRange().getStart()));
        sorted.sort(byStart.reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) {
            int s = offset(text, e.getRange().getStart()), t = offset(text, e.getRange().getEnd());
            sb.replace(s, t, e.getNewText());
        }
        return sb.toString();
    }

    static int offset(String text, Position p) {
        int line = 0, i = 0;
        while (line < p.getLine()) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) return text.length();
            i = nl + 1;
            line++;
        }
        return Math.min(i + p.getCharacter(), text.length());
    }
}
