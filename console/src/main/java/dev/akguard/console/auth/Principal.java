package dev.akguard.console.auth;

/**
 * Who is making a request, once authenticated.
 *
 * @param name the user or token name; recorded in history as {@code name} (users) or {@code
 *     token:name} (API tokens)
 * @param via how: {@code session}, {@code sso} (trusted reverse-proxy header) or {@code token}
 */
public record Principal(String name, Role role, String via) {
    public boolean can(Role needed) {
        return role.includes(needed);
    }

    /** The name written into an alert's history for this principal's actions. */
    public String actor() {
        return "token".equals(via) ? "token:" + name : name;
    }
}
