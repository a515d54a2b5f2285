package org.hotline.agi;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.call.CallHungUpException;

/**
 * Blocking command/reply on one {@link AgiSession}, for a call's virtual thread, with res_agi.c's
 * replies mapped to what the call flow understands: a 511 or a closed connection is the party's
 * hang-up ({@link CallHungUpException}); 510 and 520 are {@link AgiCommandException}s;
 * {@code result=-1} is a hang-up when the {@code HANGUP} notice follows (res_agi.c writes the
 * command's {@code 200 result=-1} first, then notices the hang-up in {@code run_agi} and writes
 * {@code HANGUP}), else a failed command. Stateless beyond the session; one thread at a time.
 */
final class AgiExchange {

    /** How long a {@code result=-1} waits for the {@code HANGUP} notice that tells a hang-up from a failure. */
    static final Duration HANGUP_NOTICE_GRACE = Duration.ofSeconds(1);

    private final AgiSession session;

    AgiExchange(AgiSession session) {
        this.session = session;
    }

    AgiSession session() {
        return session;
    }

    /** Sends and waits for the reply; a 200 reply is returned whatever its result. */
    AgiReply execute(AgiCommand command) {
        if (session.isHungUp()) {
            throw hungUp();
        }
        return await(command, session.send(command));
    }

    /** Sends, waits, and requires {@code result >= 0}: the result. */
    int executeForResult(AgiCommand command) {
        AgiReply reply = execute(command);
        int result = reply.getResultCode();
        if (result < 0) {
            throw failedOrHungUp(command, reply);
        }
        return result;
    }

    AgiReply await(AgiCommand command, CompletableFuture<AgiReply> pending) {
        AgiReply reply;
        try {
            reply = pending.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AgiSessionClosedException) {
                throw hungUp();
            }
            throw new IllegalStateException("AGI command failed on " + session.id() + ": " + command.buildCommand(), e);
        } catch (CancellationException e) {
            throw new IllegalStateException("AGI command withdrawn on " + session.id() + ": " + command.buildCommand(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for AGI reply on " + session.id(), e);
        }
        return switch (reply.getStatus()) {
            case AgiReply.SC_SUCCESS -> reply;
            case AgiReply.SC_DEAD_CHANNEL -> throw hungUp();
            default -> throw new AgiCommandException(session.id(), command.buildCommand(), reply);
        };
    }

    /** A {@code result=-1}: the hang-up if its notice comes within the grace, else the command failed. */
    RuntimeException failedOrHungUp(AgiCommand command, AgiReply reply) {
        try {
            session.hungUp().get(HANGUP_NOTICE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return hungUp();
        } catch (TimeoutException | ExecutionException e) {
            return new AgiCommandException(session.id(), command.buildCommand(), reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted waiting for the hang-up notice on " + session.id(), e);
        }
    }

    CallHungUpException hungUp() {
        return new CallHungUpException(session.id());
    }
}
