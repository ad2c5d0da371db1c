package dev.akguard.monitor.store;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;

/**
 * The alert states of Security Center's leak page: Unhandled → Handled (deleted | disabled) or
 * Whitelisted; cancelling the whitelist returns to Unhandled; a handled pair seen in a new place is
 * reopened. A handled alert may be handled again with another method (disabled first, deleted
 * later). Pure: no I/O.
 */
public final class AlertStateMachine {

    /** The state after a transition, and the history action that records it. */
    public record Transition(AlertStatus status, HandlingMethod method, String action) {}

    private AlertStateMachine() {}

    public static Transition handle(AlertStatus current, HandlingMethod method) {
        if (current == AlertStatus.WHITELISTED) {
            throw new IllegalTransitionException(
                    "The alert is whitelisted; cancel the whitelist first (akguard monitor unwhitelist ID).");
        }
        return switch (method) {
            case DELETED ->
                    new Transition(AlertStatus.HANDLED, method, HistoryEntry.HANDLED_DELETED);
            case DISABLED ->
                    new Transition(AlertStatus.HANDLED, method, HistoryEntry.HANDLED_DISABLED);
            case WHITELIST ->
                    new Transition(AlertStatus.WHITELISTED, method, HistoryEntry.WHITELISTED);
        };
    }

    public static Transition unwhitelist(AlertStatus current) {
        if (current != AlertStatus.WHITELISTED) {
            throw new IllegalTransitionException(
                    "The alert is " + current.json() + ", not whitelisted: nothing to cancel.");
        }
        return new Transition(AlertStatus.UNHANDLED, null, HistoryEntry.UNWHITELISTED);
    }

    /**
     * A sighting in a new place: only handled alerts reopen; whitelisted ones stay quiet. Null: no
     * change.
     */
    public static Transition seenInNewPlace(AlertStatus current) {
        return current == AlertStatus.HANDLED
                ? new Transition(AlertStatus.UNHANDLED, null, HistoryEntry.REOPENED)
                : null;
    }
}
