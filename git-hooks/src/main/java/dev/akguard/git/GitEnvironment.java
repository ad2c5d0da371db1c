package dev.akguard.git;

import java.util.Map;
import org.eclipse.jgit.util.SystemReader;

/**
 * The environment variables a git check runs under. A hook reads GIT_DIR, GIT_INDEX_FILE,
 * GIT_OBJECT_DIRECTORY, HOME and the pre-commit framework's variables from its environment; the
 * hook server answers hooks of other processes, so each request brings its own. Everything on the
 * hook path asks here instead of {@link System#getenv()}: JGit (through its {@link SystemReader}),
 * the repository opener, and the {@code git ls-remote} child process.
 */
public final class GitEnvironment {
    private static volatile Map<String, String> active;

    private GitEnvironment() {}

    /** The variables in effect: a request's while {@link #use} is open, else this process's. */
    public static Map<String, String> current() {
        Map<String, String> a = active;
        return a != null ? a : System.getenv();
    }

    /** One variable of {@link #current()}, or null. */
    public static String get(String name) {
        return current().get(name);
    }

    /**
     * Runs what follows under {@code variables} until the returned handle is closed. One at a time:
     * JGit's reader is process-wide.
     */
    public static synchronized Scope use(Map<String, String> variables) {
        SystemReader previous = SystemReader.getInstance();
        Map<String, String> copy = Map.copyOf(variables);
        SystemReader.setInstance(new Variables(previous, copy));
        active = copy;
        return () -> {
            active = null;
            SystemReader.setInstance(previous);
        };
    }

    /** Restores the previous environment when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Variables extends SystemReader.Delegate {
        private final Map<String, String> variables;

        Variables(SystemReader delegate, Map<String, String> variables) {
            super(delegate);
            this.variables = variables;
        }

        @Override
        public String getenv(String name) {
            return variables.get(name);
        }
    }
}
