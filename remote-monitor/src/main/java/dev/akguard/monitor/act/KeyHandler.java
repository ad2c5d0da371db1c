package dev.akguard.monitor.act;

import dev.akguard.monitor.alibaba.AccessKeyEntry;
import dev.akguard.monitor.alibaba.RamAdmin;
import dev.akguard.monitor.alibaba.RamAdminException;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.AlertStateMachine;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.verify.AlertVerifier;
import dev.akguard.monitor.verify.SecretUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * `monitor handle ID --method disabled|deleted --apply`: acts on the leaked key through RAM with
 * the team's admin credentials (UpdateAccessKey Inactive, or DeleteAccessKey), proves it worked by
 * re-verifying the pair (the secret re-fetched from the occurrence; when that is impossible, RAM's
 * own listing is the proof), then records the handling. Every step lands in the alert's history.
 */
public final class KeyHandler {

    /** History action for the RAM call. */
    public static final String RAM_DISABLED = "ram-disabled";

    public static final String RAM_DELETED = "ram-deleted";
    public static final String PROOF = "proof";

    /**
     * History action when the RAM call was made but no check shows the expected state: the alert
     * stays open.
     */
    public static final String UNCONFIRMED = "apply-unconfirmed";

    public static final String OVERRIDE = "apply-override";

    /** What was done: the validity read back after acting, and how it was proven. */
    public record Result(
            Alert alert,
            AccessKeyEntry key,
            Validity validityAfter,
            String proof,
            boolean proven) {}

    private final Database db;
    private final AlertStore alerts;
    private final Supplier<RamAdmin> ram;
    private final AlertVerifier verifier;
    private final InventoryStore inventory;
    private final Clock clock;

    /**
     * @param ram created on first use, so commands that do not act never need admin credentials
     */
    public KeyHandler(
            Database db,
            Supplier<RamAdmin> ram,
            AlertVerifier verifier,
            InventoryStore inventory,
            Clock clock) {
        this.db = db;
        this.alerts = new AlertStore(db, clock);
        this.ram = ram;
        this.verifier = verifier;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException for methods other than disabled and deleted
     * @throws dev.akguard.monitor.store.IllegalTransitionException when the alert cannot be handled
     *     now (whitelisted)
     * @throws RamAdminException when RAM refuses or the key is not in the account
     */
    public Result apply(long alertId, HandlingMethod method, String by, String note)
            throws InterruptedException {
        return apply(alertId, method, by, note, false);
    }

    /**
     * @param overrideVerdict act although the alert's last verdict is not VALID (the user said so
     *     explicitly)
     * @throws ApplyRefusedException the last verdict is not VALID and there is no override: nothing
     *     was changed. An AccessKey ID is not a secret (signed URLs, logs), so anyone can publish a
     *     real production ID next to a made-up secret; only a pair proven live shows that the
     *     published key is the one to disable.
     */
    public Result apply(
            long alertId, HandlingMethod method, String by, String note, boolean overrideVerdict)
            throws InterruptedException {
        if (method == HandlingMethod.WHITELIST)
            throw new IllegalArgumentException(
                    "--apply acts on the key: use --method disabled or deleted");
        Alert a = alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        AlertStateMachine.handle(a.status(), method); // refuse before touching the key, not after
        checkVerdict(a, overrideVerdict);
        if (!provenLive(a)) {
            history(
                    alertId,
                    by,
                    OVERRIDE,
                    "--apply although the last verdict was "
                            + a.validity()
                            + " (explicit override)");
        }
        RamAdmin admin = ram.get();
        AccessKeyEntry key =
                admin.findOwner(a.accessKeyId())
                        .orElseThrow(
                                () ->
                                        new RamAdminException(
                                                "AccessKey "
                                                        + a.accessKeyId()
                                                        + " is not owned by any RAM user of the account behind the admin credentials: it may already be deleted, belong "
                                                        + "to another account, or be a root-account key (disable those in the console). Nothing was changed; record a "
                                                        + "manual handling with: akguard monitor handle "
                                                        + alertId
                                                        + " --method "
                                                        + method.json(),
                                                "EntityNotExist.User.AccessKey"));
        Validity expected;
        if (method == HandlingMethod.DISABLED) {
            admin.disable(key);
            history(
                    alertId,
                    by,
                    RAM_DISABLED,
                    "RAM UpdateAccessKey Status=Inactive for user " + key.userName());
            inventory
                    .find(key.accessKeyId())
                    .ifPresent(
                            k ->
                                    inventory.update(
                                            new KeyOwner(
                                                    k.accessKeyId(),
                                                    k.userName(),
                                                    k.userId(),
                                                    "Inactive",
                                                    k.createdAt(),
                                                    k.lastUsed(),
                                                    k.syncedAt())));
            expected = Validity.DISABLED;
        } else {
            admin.delete(key);
            history(alertId, by, RAM_DELETED, "RAM DeleteAccessKey for user " + key.userName());
            inventory.remove(key.accessKeyId());
            expected = Validity.INVALID;
        }
        Validity after;
        String proof;
        try {
            after = verifier.verify(alertId, by).result().validity();
            proof = "re-verified with the re-fetched secret: " + after;
        } catch (SecretUnavailableException e) {
            Optional<AccessKeyEntry> now = admin.findOwner(a.accessKeyId());
            after =
                    now.map(k -> k.active() ? Validity.VALID : Validity.DISABLED)
                            .orElse(Validity.INVALID);
            proof =
                    "secret not re-fetchable ("
                            + e.getMessage()
                            + "); RAM lists the key as "
                            + now.map(AccessKeyEntry::status).orElse("gone");
            history(alertId, by, PROOF, proof);
        }
        boolean proven = after == expected;
        if (!proven) {
            // RAM answered, but no check shows the key in the expected state (throttling, eventual
            // consistency): the
            // alert stays in the work queue until a verification confirms it.
            history(
                    alertId,
                    by,
                    UNCONFIRMED,
                    "RAM call made, but the key reads "
                            + after
                            + " (expected "
                            + expected
                            + "; "
                            + proof
                            + "); the alert stays open: run `akguard monitor verify "
                            + alertId
                            + "` and handle it once confirmed");
            return new Result(
                    alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId)),
                    key,
                    after,
                    proof,
                    false);
        }
        String handledNote =
                (note == null || note.isBlank() ? "" : note + "; ")
                        + "applied through RAM, "
                        + proof;
        Alert handled = alerts.handle(alertId, method, by, handledNote);
        return new Result(handled, key, after, proof, true);
    }

    /**
     * Refuses (nothing changed) unless the alert's last verdict is VALID or the caller overrides
     * explicitly.
     */
    public static void checkVerdict(Alert a, boolean overrideVerdict) {
        if (provenLive(a) || overrideVerdict) return;
        throw new ApplyRefusedException(
                "alert "
                        + a.id()
                        + "'s last verdict is "
                        + a.validity()
                        + ", and the pair never read VALID: "
                        + (a.validity() == Validity.INVALID
                                ? "Alibaba Cloud refused the published pair, so the AccessKey ID may belong to a "
                                        + "working key used with another secret (anyone can publish a real ID next to a made-up one). "
                                : "the pair was " + "never proven live. ")
                        + "Nothing was changed. Check it with `akguard monitor verify "
                        + a.id()
                        + "`; to act anyway, "
                        + "add --force-unverified.");
    }

    /**
     * The pair is known to be the real one: its last verdict is VALID, or it is DISABLED now after
     * having read VALID (disabled by us or its owner; deleting it next is the usual clean-up). A
     * made-up secret next to a real ID never reads VALID, so it never qualifies.
     */
    static boolean provenLive(Alert a) {
        if (a.validity() == Validity.VALID) return true;
        return a.validity() == Validity.DISABLED
                && a.history().stream()
                        .anyMatch(
                                h ->
                                        dev.akguard.monitor.verify.VerificationStore.VERIFIED
                                                        .equals(h.action())
                                                && h.note() != null
                                                && h.note().startsWith(Validity.VALID.name()));
    }

    private void history(long alertId, String by, String action, String note) {
        Instant at = clock.instant();
        db.transactionUninterruptibly(
                c -> {
                    AlertStore.addHistory(c, alertId, at, by, action, note);
                    return null;
                });
    }
}
