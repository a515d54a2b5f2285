package org.hotline.acd;

/**
 * Where the engine keeps its queued callbacks (rule R12) so a restart or a crash loses none: told
 * every change (a new callback, a merged request, a place kept after a merge, a failed attempt, the
 * end) as the whole entry. The store implements it ({@code org.hotline.store.RecordKeeper}).
 *
 * <p>Threading: called on the ACD's serial executor; must return at once (only queue the write).
 */
@FunctionalInterface
public interface CallbackLedger {

    /** Keeps nothing (tests, and a server without a store). */
    CallbackLedger NONE = entry -> { };

    void save(CallbackEntry entry);
}
