package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.console.auth.Accounts;
import dev.akguard.console.auth.PasswordHasher;
import dev.akguard.console.auth.Role;
import java.time.Clock;

/** The console's accounts in the store named by the monitor options, with CLI-friendly errors. */
final class AccountsAccess {
    private AccountsAccess() {}

    static Accounts open(MonitorOptions monitor) {
        return new Accounts(monitor.database(), new PasswordHasher(), Clock.systemUTC());
    }

    static Role role(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw new UserException("--role: " + e.getMessage());
        }
    }

    /** Runs an account change; account and name errors become usage errors. */
    static <T> T run(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (IllegalArgumentException | dev.akguard.monitor.store.StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
