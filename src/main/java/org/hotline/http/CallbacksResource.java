package org.hotline.http;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.acd.CallbackEntry;

/**
 * The queued callbacks still pending (rule R12) for supervisors, read-only, as the store keeps them:
 * in turn (priority, then the place in line), also one whose queue is no longer configured (it is
 * kept, not placed, until the queue returns). Behind {@link ApiAccess} like the messages (supervisor
 * or admin, every request audited: a callback carries a customer's number). Immutable; requests run
 * on the server's virtual threads.
 *
 * <pre>
 *   GET /api/callbacks   200 {"callbacks": [{"callbackId", "requestedBy", "queue", "number", "language", "priority",
 *                            "placeAt", "requestedAt", "attempts", "nextAttemptAt", "updatedAt"}]}; 503 database away
 * </pre>
 */
public final class CallbacksResource {

    private final Supplier<List<CallbackEntry>> pending;
    private final ApiAccess access;

    /** @param pending the pending callbacks in turn (the store's); may throw {@code StoreUnavailableException} */
    public CallbacksResource(Supplier<List<CallbackEntry>> pending, ApiAccess access) {
        this.pending = pending;
        this.access = access;
    }

    public List<Route> routes() {
        return List.of(Route.get("/api/callbacks", access.guard(ApiAccess.SUPERVISORS, "read-callbacks",
                (request, user) -> StoreResource.available(() -> ApiResponse.ok(Map.of("callbacks",
                        pending.get().stream().map(CallbackView::of).toList()))))));
    }

    /** One pending callback as the API shows it. */
    record CallbackView(String callbackId, String requestedBy, String queue, String number, String language,
            int priority, String placeAt, String requestedAt, int attempts, String nextAttemptAt, String updatedAt) {
        static CallbackView of(CallbackEntry c) {
            return new CallbackView(c.callbackId(), c.requestedBy(), c.queue(), c.number(), c.language(), c.priority(),
                    c.placeAt().toString(), c.requestedAt().toString(), c.attempts(), c.nextAttemptAt().toString(),
                    c.updatedAt() == null ? null : c.updatedAt().toString());
        }
    }
}
