package dev.akguard.git.push;

import dev.akguard.core.finding.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to tell a developer whose push or commit was blocked: how to get the key out of history,
 * that the key must be rotated anyway, how to mark a false positive, and how to bypass the hook.
 * The findings themselves (commit, author, file, line, redacted secret) are printed by the report
 * before this.
 */
public final class PushAdvice {
    private PushAdvice() {}

    /**
     * @param findings in commit order, oldest first; each carries its GitInfo
     */
    public static String forPush(List<Finding> findings) {
        Set<String> commits = new LinkedHashSet<>();
        for (Finding f : findings) if (f.git() != null) commits.add(f.git().commit());
        String oldest = commits.isEmpty() ? "<commit>" : commits.iterator().next();
        String shortOldest = oldest.length() > 12 ? oldest.substring(0, 12) : oldest;
        StringBuilder s = new StringBuilder();
        s.append("\nakguard: push blocked: ")
                .append(findings.size())
                .append(findings.size() == 1 ? " credential" : " credentials")
                .append(" in ")
                .append(commits.size())
                .append(commits.size() == 1 ? " commit" : " commits")
                .append(" this push would publish.\n");
        s.append(
                "Deleting the key in a new commit is not enough: it stays in the history you push.\n");
        s.append("Remove it from history:\n");
        s.append(
                "  - in the last commit:   edit the file, `git add` it, then `git commit --amend`\n");
        s.append("  - in an earlier commit: `git rebase -i ")
                .append(shortOldest)
                .append("^` (or `git rebase -i --root`),\n");
        s.append(
                "                          mark the commit `edit`, fix the file, `git commit --amend`, `git rebase --continue`\n");
        s.append(
                "  - in many commits:      `git filter-repo --replace-text <file-listing-the-key>`\n");
        s.append(rotateAndSuppress());
        s.append("Bypass this check once (not recommended): git push --no-verify\n");
        return s.toString();
    }

    /**
     * For the server-side pre-receive hook: the push was refused, the pusher must rewrite their
     * history.
     */
    public static String forReceive(List<Finding> findings) {
        Set<String> commits = new LinkedHashSet<>();
        for (Finding f : findings) if (f.git() != null) commits.add(f.git().commit());
        String oldest = commits.isEmpty() ? "<commit>" : commits.iterator().next();
        String shortOldest = oldest.length() > 12 ? oldest.substring(0, 12) : oldest;
        StringBuilder s = new StringBuilder();
        s.append("\nakguard: push rejected by the server: ")
                .append(findings.size())
                .append(findings.size() == 1 ? " credential" : " credentials")
                .append(" in ")
                .append(commits.size())
                .append(commits.size() == 1 ? " commit" : " commits")
                .append(" of this push.\n");
        s.append(
                "Nothing was stored. Remove the key from the history you push (deleting it in a new commit is not enough):\n");
        s.append(
                "  - in the last commit:   edit the file, `git add` it, then `git commit --amend`\n");
        s.append("  - in an earlier commit: `git rebase -i ")
                .append(shortOldest)
                .append("^`, mark the commit `edit`, fix the file,\n");
        s.append("                          `git commit --amend`, `git rebase --continue`\n");
        s.append(rotateAndSuppress());
        s.append(
                "This check runs on the server: --no-verify does not skip it. Ask the server's administrators about exceptions\n"
                        + "  (the server's baseline, .akguard-baseline.json in the repository folder).\n");
        return s.toString();
    }

    public static String forCommit(List<Finding> findings) {
        StringBuilder s = new StringBuilder();
        s.append("\nakguard: commit blocked: ")
                .append(findings.size())
                .append(findings.size() == 1 ? " credential is" : " credentials are")
                .append(" staged.\n");
        s.append(
                "Remove the key from the file and stage it again (`git add <file>`), or unstage the file (`git restore --staged <file>`).\n");
        s.append(rotateAndSuppress());
        s.append("Bypass this check once (not recommended): git commit --no-verify\n");
        return s.toString();
    }

    private static String rotateAndSuppress() {
        return "Rotate the key: it has been on disk in plain text, treat it as leaked. In the RAM console\n"
                + "  (https://ram.console.aliyun.com) create a new AccessKey, switch your code to read\n"
                + "  ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET from the environment, then disable and delete the old key.\n"
                + "False positive? Put `akguard:ignore` in a comment on that line, or accept the current findings\n"
                + "  with `akguard baseline create` (keyed by fingerprint, never stores the secret).\n";
    }
}
