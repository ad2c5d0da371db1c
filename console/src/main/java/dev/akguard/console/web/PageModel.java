package dev.akguard.console.web;

import dev.akguard.console.auth.Principal;
import dev.akguard.console.auth.Role;

/**
 * What every page's layout needs: who is signed in, the session's CSRF token, the active menu
 * entry, a one-time message.
 */
public record PageModel(Principal user, String csrf, String nav, String flash) {
    public boolean can(String role) {
        return user != null && user.can(Role.parse(role));
    }
}
