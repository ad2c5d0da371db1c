package dev.akguard.testkit.github;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A repository inside the emulator: commits, branches, and a builder to push changes. Thread-safe.
 */
public final class EmulatedRepo {

    public static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    private final GitHubEmulator emulator;
    private final long id;
    private final String owner;
    private final String name;
    private final String defaultBranch;
    private final Map<String, EmulatedCommit> commits = new ConcurrentHashMap<>();
    private final Map<String, String> branches = new ConcurrentHashMap<>();
    private final Map<String, String> tags = new ConcurrentHashMap<>();
    private final List<String> creationOrder = Collections.synchronizedList(new ArrayList<>());
    private final GitStore git;
    private volatile boolean isPrivate;

    EmulatedRepo(GitHubEmulator emulator, long id, String fullName, String defaultBranch) {
        this(emulator, id, fullName, defaultBranch, null);
    }

    /**
     * {@code existing}: serve this git repository for clones (its commits are not visible to the
     * REST endpoints).
     */
    EmulatedRepo(
            GitHubEmulator emulator,
            long id,
            String fullName,
            String defaultBranch,
            org.eclipse.jgit.lib.Repository existing) {
        this.emulator = emulator;
        this.id = id;
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1)
            throw new IllegalArgumentException("expected OWNER/NAME: " + fullName);
        this.owner = fullName.substring(0, slash);
        this.name = fullName.substring(slash + 1);
        this.defaultBranch = defaultBranch;
        this.git = existing == null ? new GitStore(fullName) : new GitStore(existing);
    }

    /**
     * The real git repository holding this repository's commits (cloned at {@link #cloneUrl()}).
     */
    GitStore git() {
        return git;
    }

    /** Where git clones it from, as {@code clone_url} in {@code GET /repos/OWNER/NAME} says. */
    public String cloneUrl() {
        return emulator.baseUrl() + "/" + fullName() + ".git";
    }

    public boolean isPrivate() {
        return isPrivate;
    }

    /** Marks the repository private (no event) — e.g. to build history before it is made public. */
    public EmulatedRepo makePrivate() {
        isPrivate = true;
        return this;
    }

    /**
     * Flips a private repository to public and records a {@code PublicEvent}; returns the event id.
     */
    public String makePublic() {
        isPrivate = false;
        return emulator.recordEvent(
                this, "octocat", "PublicEvent", new com.google.gson.JsonObject());
    }

    /**
     * Records a {@code CreateEvent} for the repository itself ({@code ref_type: repository});
     * returns the event id.
     */
    public String announceCreated(String actor) {
        com.google.gson.JsonObject p = new com.google.gson.JsonObject();
        p.add("ref", com.google.gson.JsonNull.INSTANCE);
        p.addProperty("ref_type", "repository");
        p.addProperty("master_branch", defaultBranch);
        p.addProperty("description", "");
        p.addProperty("pusher_type", "user");
        return emulator.recordEvent(this, actor, "CreateEvent", p);
    }

    /**
     * Tags {@code sha} as {@code name} and records the {@code CreateEvent} GitHub sends for a tag
     * pushed on its own (no PushEvent); returns the event id.
     */
    public String tag(String name, String sha) {
        if (!commits.containsKey(sha)) throw new IllegalArgumentException("no commit " + sha);
        tags.put(name, sha);
        return announceRef(name, "tag");
    }

    /**
     * Records a {@code CreateEvent} for an existing branch, as for a branch made through the API or
     * the web (no PushEvent); returns the event id.
     */
    public String announceBranch(String branch) {
        if (!branches.containsKey(branch))
            throw new IllegalArgumentException("no branch " + branch);
        return announceRef(branch, "branch");
    }

    private String announceRef(String ref, String refType) {
        com.google.gson.JsonObject p = new com.google.gson.JsonObject();
        p.addProperty("ref", ref);
        p.addProperty("ref_type", refType);
        p.addProperty("master_branch", defaultBranch);
        p.addProperty("description", "");
        p.addProperty("pusher_type", "user");
        return emulator.recordEvent(this, "octocat", "CreateEvent", p);
    }

    /** Every commit, oldest first. */
    List<EmulatedCommit> allCommits() {
        List<EmulatedCommit> out = new ArrayList<>();
        synchronized (creationOrder) {
            for (String sha : creationOrder) out.add(commits.get(sha));
        }
        return out;
    }

    public long id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String fullName() {
        return owner + "/" + name;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    /** Head commit sha of a branch, or null. */
    public String head(String branch) {
        return branches.get(branch);
    }

    public EmulatedCommit commit(String sha) {
        return commits.get(sha);
    }

    /** Resolves a sha (full or at least 7 chars) or a branch name. */
    EmulatedCommit resolve(String ref) {
        if (ref == null) ref = defaultBranch;
        String branchHead = branches.get(ref);
        if (branchHead != null) return commits.get(branchHead);
        String tagged = tags.get(ref);
        if (tagged != null) return commits.get(tagged);
        EmulatedCommit exact = commits.get(ref);
        if (exact != null) return exact;
        if (ref.length() >= 7) {
            for (EmulatedCommit c : commits.values()) if (c.sha().startsWith(ref)) return c;
        }
        return null;
    }

    /**
     * Records another PushEvent for an earlier push (same ref, before and head), as when the same
     * commits are pushed again; benchmarks use it to make endless traffic from a fixed set of
     * commits.
     */
    public String replay(PushResult push, String actor) {
        String branch = push.ref().substring("refs/heads/".length());
        return emulator.recordPush(this, actor, branch, push.before(), push.head());
    }

    /** Starts a change on the given branch (created from the default branch's head if new). */
    public ChangeBuilder change(String branch) {
        return new ChangeBuilder(branch);
    }

    /** Starts a change on the default branch. */
    public ChangeBuilder change() {
        return change(defaultBranch);
    }

    /**
     * Commits from {@code base} (exclusive, and its ancestors) up to {@code head}, oldest first.
     */
    List<EmulatedCommit> commitsBetween(EmulatedCommit base, EmulatedCommit head) {
        Set<String> wanted = ancestors(head);
        wanted.removeAll(ancestors(base));
        List<EmulatedCommit> out = new ArrayList<>();
        synchronized (creationOrder) {
            for (String sha : creationOrder) if (wanted.contains(sha)) out.add(commits.get(sha));
        }
        return out;
    }

    /** The newest common ancestor (by walking head's ancestry breadth-first), or null. */
    EmulatedCommit mergeBase(EmulatedCommit a, EmulatedCommit b) {
        if (ancestors(b).contains(a.sha()))
            return a; // the usual case, and the best common ancestor then
        Set<String> aAncestors = ancestors(a);
        Deque<EmulatedCommit> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(b);
        while (!todo.isEmpty()) {
            EmulatedCommit c = todo.poll();
            if (!seen.add(c.sha())) continue;
            if (aAncestors.contains(c.sha())) return c;
            for (String p : c.parents()) todo.add(commits.get(p));
        }
        return null;
    }

    Set<String> ancestors(EmulatedCommit c) {
        Set<String> seen = new HashSet<>();
        if (c == null) return seen;
        Deque<EmulatedCommit> todo = new ArrayDeque<>();
        todo.push(c);
        while (!todo.isEmpty()) {
            EmulatedCommit x = todo.pop();
            if (!seen.add(x.sha())) continue;
            for (String p : x.parents()) todo.push(commits.get(p));
        }
        return seen;
    }

    /** Builds one or more commits and pushes them, recording a PushEvent. */
    public final class ChangeBuilder {
        private final String branch;
        private final List<Map<String, byte[]>> pending = new ArrayList<>();
        private final List<String> messages = new ArrayList<>();
        private Map<String, byte[]> current = new LinkedHashMap<>();
        private String authorLogin = "octocat";
        private String message = "update";
        private String parentOverride;
        private boolean parentOverridden;
        private String mergeWith;

        private ChangeBuilder(String branch) {
            this.branch = branch;
        }

        public ChangeBuilder author(String login) {
            this.authorLogin = login;
            return this;
        }

        public ChangeBuilder message(String message) {
            this.message = message;
            return this;
        }

        /** Adds or replaces a text file (UTF-8). */
        public ChangeBuilder put(String path, String content) {
            return put(path, content.getBytes(StandardCharsets.UTF_8));
        }

        public ChangeBuilder put(String path, byte[] content) {
            current.put(path, content.clone());
            return this;
        }

        /** Deletes a file. */
        public ChangeBuilder remove(String path) {
            current.put(path, null);
            return this;
        }

        /** Ends the current commit and starts another one in the same push. */
        public ChangeBuilder nextCommit(String nextMessage) {
            pending.add(current);
            messages.add(message);
            current = new LinkedHashMap<>();
            message = nextMessage;
            return this;
        }

        /**
         * Makes the first commit of this change a merge: its second parent is {@code otherSha}. Its
         * tree is the first parent's tree plus this change's files (put the other side's files
         * yourself, as a merge would).
         */
        public ChangeBuilder mergeOf(String otherSha) {
            this.mergeWith = otherSha;
            return this;
        }

        /**
         * Rewrites history: the first commit's parent is this sha (null for a root commit), as with
         * a force push.
         */
        public ChangeBuilder parent(String sha) {
            this.parentOverride = sha;
            this.parentOverridden = true;
            return this;
        }

        /** Creates the commits, moves the branch and records the PushEvent. */
        public PushResult push() {
            return apply(true);
        }

        /**
         * Creates the commits and moves the branch without any event (history that existed before
         * watching).
         */
        public PushResult commitSilently() {
            return apply(false);
        }

        private PushResult apply(boolean recordEvent) {
            pending.add(current);
            messages.add(message);
            synchronized (EmulatedRepo.this) {
                String before = branches.get(branch);
                String parent =
                        parentOverridden
                                ? parentOverride
                                : before != null ? before : branches.get(defaultBranch);
                List<String> created = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    EmulatedCommit parentCommit = parent == null ? null : commits.get(parent);
                    Map<String, byte[]> tree =
                            new LinkedHashMap<>(
                                    parentCommit == null ? Map.of() : parentCommit.tree());
                    pending.get(i)
                            .forEach(
                                    (path, bytes) -> {
                                        if (bytes == null) tree.remove(path);
                                        else tree.put(path, bytes);
                                    });
                    Instant date = emulator.now();
                    List<String> parents = new ArrayList<>();
                    if (parent != null) parents.add(parent);
                    if (i == 0 && mergeWith != null) parents.add(mergeWith);
                    String sha =
                            git.commit(
                                    tree,
                                    parents,
                                    authorLogin + " Name",
                                    authorLogin + "@users.noreply.example",
                                    messages.get(i),
                                    date);
                    EmulatedCommit c =
                            new EmulatedCommit(
                                    sha,
                                    parents,
                                    tree,
                                    authorLogin,
                                    authorLogin + " Name",
                                    authorLogin + "@users.noreply.example",
                                    messages.get(i),
                                    date);
                    commits.put(sha, c);
                    creationOrder.add(sha);
                    created.add(sha);
                    parent = sha;
                }
                branches.put(branch, parent);
                git.setBranch(branch, parent, defaultBranch);
                String beforeSha = before == null ? ZERO_SHA : before;
                String eventId =
                        recordEvent
                                ? emulator.recordPush(
                                        EmulatedRepo.this, authorLogin, branch, beforeSha, parent)
                                : null;
                return new PushResult(
                        eventId, "refs/heads/" + branch, beforeSha, parent, List.copyOf(created));
            }
        }
    }

    /**
     * What a push did: the event id (null if silent), ref, before and head shas, and the new
     * commits oldest first.
     */
    public record PushResult(
            String eventId, String ref, String before, String head, List<String> commits) {}
}
