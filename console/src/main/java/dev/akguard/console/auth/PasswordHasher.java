package dev.akguard.console.auth;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * BCrypt (Spring Security Crypto), cost 12: a standard slow hash. BCrypt reads at most 72 bytes, so
 * longer passwords are refused rather than silently truncated.
 */
public final class PasswordHasher {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;

    /**
     * Compared against when the user does not exist, so a wrong name costs as long as a wrong
     * password.
     */
    private final String dummy;

    public PasswordHasher() {
        this(12);
    }

    /**
     * @param strength BCrypt log2 rounds (tests use the minimum, 4)
     */
    public PasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        this.dummy = encoder.encode("akguard-dummy-password");
    }

    /**
     * @throws IllegalArgumentException when the password is too short or too long
     */
    public String hash(CharSequence password) {
        check(password);
        return encoder.encode(password);
    }

    public boolean matches(CharSequence password, String hash) {
        if (password == null
                || password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES)
            return false;
        return encoder.matches(password, hash == null ? dummy : hash);
    }

    public static void check(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "the password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "the password must be at most "
                            + MAX_BYTES
                            + " bytes (BCrypt ignores the rest)");
        }
    }
}
