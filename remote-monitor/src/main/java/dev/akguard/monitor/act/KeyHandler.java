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
 * `monitor handle ID --method disabled|deleted --apply`: acts on the leaked key through RAM with the team's admin
 * credentials (UpdateAccessKey Inactive, or DeleteAccessKey), proves it worked by re-verifying the pair (the secret
 * re-fetched from the occurrence; when that is impossible, RAM's own listing is the proof), then records the
 * handling. Every step lands in the alert's history.
 */
public final class KeyHandler {

    /** History action for the RAM call. */
    public static final String RAM_DISABLED = "ram-disabled";
    public static final String RAM_DELETED = "ram-deleted";
    public static final String PROOF = "proof";

    /** What was done: the validity read back after acting, and how it was proven. */
    public record Result(Alert alert, AccessKeyEntry key, Validity validityAfter, String proof, boolean proven) { }

    private final Database db;
    private final AlertStore alerts;
    private final Supplier<RamAdmin> ram;
    private final AlertVerifier verifier;
    private final InventoryStore inventory;
    private final Clock clock;

    /** @param ram created on first use, so commands that do not act never need admin credentials */
    public KeyHandler(Database db, Supplier<RamAdmin> ram, AlertVerifier verifier, InventoryStore inventory, Clock clock) {
        this.db = db;
        this.alerts = new AlertStore(db, clock);
        this.ram = ram;
        this.verifier = verifier;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException for methods other than disabled and deleted
     * @throws dev.akguard.monitor.store.IllegalTransitionException when the alert cannot be handled now (whitelisted)
     * @throws RamAdminException when RAM refuses or the key is not in the account
     */
    public Result apply(long alertId, HandlingMethod method, String by, String note) throws InterruptedException {
        if (method == HandlingMethod.WHITELIST) throw new IllegalArgumentException("--apply acts on the key: use --method disabled or deleted");
        Alert a = alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        AlertStateMachine.handle(a.status(), method); // refuse before touching the key, not after
        RamAdmin admin = ram.get();
        AccessKeyEntry key = admin.findOwner(a.accessKeyId()).orElseThrow(() -> new RamAdminException("AccessKey " + a.accessKeyId()
                + " is not owned by any RAM user of the account behind the admin credentials: it may already be deleted, belong "
                + "to another account, or be a root-account key (disable those in the console). Nothing was changed; record a "
                + "manual handling with: akguard monitor handle " + alertId + " --method " + method.json(), "EntityNotExist.User.AccessKey"));
        Validity expected;
        if (method == HandlingMethod.DISABLED) {
            admin.disable(key);
            history(alertId, by, RAM_DISABLED, "RAM UpdateAccessKey Status=Inactive for user " + key.userName());
            inventory.find(key.accessKeyId()).ifPresent(k -> inventory.update(new KeyOwner(k.accessKeyId(), k.userName(), k.userId(),
                    "Inactive", k.createdAt(), k.lastUsed(), k.syncedAt())));
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
            after = now.map(k -> k.active() ? Validity.VALID : Validity.DISABLED).orElse(Validity.INVALID);
            proof = "secret not re-fetchable (" + e.getMessage() + "); RAM lists the key as "
                    + now.map(AccessKeyEntry::status).orElse("gone");
            history(alertId, by, PROOF, proof);
        }
        boolean proven = after == expected;
        String handledNote = (note == null || note.isBlank() ? "" : note + "; ") + "applied through RAM, " + proof
                + (proven ? "" : " (expected " + expected + ")");
        Alert handled = alerts.handle(alertId, method, by, handledNote);
        return new Result(handled, key, after, proof, proven);
    }

    private void history(long alertId, String by, String action, String note) {
        Instant at = clock.instant();
        db.transactionUninterruptibly(c -> {
            AlertStore.addHistory(c, alertId, at, by, action, note);
            return null;
        });
    }
}
