package org.hotline.acd.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.acd.CallbackEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule R12 after a restart: opens a mailbox for each callback an earlier run left pending, asks the
 * engine to put them back in their places, then starts a {@link CallbackRunner} for each one now
 * waiting (closing the mailboxes of the others: merged, queue gone, already here).
 *
 * <p>Threading: {@link #restore} from any thread, returns at once; the runners start on the
 * {@code acd} thread as the engine answers.
 */
final class CallbackRestorer {

    private static final Logger log = LoggerFactory.getLogger(CallbackRestorer.class);

    private final AcdQueueGateway.Context context;

    CallbackRestorer(AcdQueueGateway.Context context) {
        this.context = context;
    }

    /** Completes with how many callbacks wait in line again. */
    CompletableFuture<Integer> restore(List<CallbackEntry> pending) {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        if (!context.route().available()) {
            log.atWarn().addKeyValue("pending", pending.size())
                    .log("pending callbacks not restored: no outbound trunk to dial them; they stay pending (rule R12)");
            return CompletableFuture.completedFuture(0);
        }
        Map<String, CallerMailbox> mailboxes = new LinkedHashMap<>();
        for (CallbackEntry entry : pending) {
            try {
                mailboxes.put(entry.callbackId(), context.driver().open(entry.callbackId()));
            } catch (IllegalStateException e) {
                log.atWarn().addKeyValue("callId", entry.callbackId()).log("pending callback already in the ACD: skipped");
            }
        }
        List<CallbackEntry> candidates = pending.stream().filter(entry -> mailboxes.containsKey(entry.callbackId())).toList();
        return context.driver().restoreCallbacks(candidates).handle((restored, failure) -> {
            if (failure != null) {
                mailboxes.values().forEach(context.driver()::close);
                log.atError().setCause(failure).log("pending callbacks could not be restored (rule R12); they stay pending");
                return 0;
            }
            for (CallbackEntry entry : restored) {
                CallbackRunner.start(context, CallbackRunner.Request.restored(entry, context.agentLanguage()),
                        mailboxes.remove(entry.callbackId()));
            }
            mailboxes.values().forEach(context.driver()::close);
            log.atInfo().addKeyValue("pending", pending.size()).addKeyValue("restored", restored.size())
                    .log("pending callbacks restored in their places (rule R12)");
            return restored.size();
        });
    }
}
