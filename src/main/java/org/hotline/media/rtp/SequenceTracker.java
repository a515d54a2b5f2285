package org.hotline.media.rtp;

/**
 * Extended highest sequence number and loss of one source, per RFC 3550 §A.1 ({@code update_seq})
 * and §A.3, without the probation period: the peer is already trusted by symmetric-RTP latching.
 * Duplicates count as received, as in the RFC, so loss is clamped at zero for reporting.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class SequenceTracker {

    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private int baseSeq;
    private int maxSeq;
    private int badSeq;
    private long cycles;
    private long received;

    SequenceTracker(int firstSequenceNumber) {
        restart(firstSequenceNumber);
        received = 1;
    }

    void update(int seq) {
        int delta = (seq - maxSeq) & (SEQ_MOD - 1);
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD;
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = (seq + 1) & (SEQ_MOD - 1);
                return;
            }
            restart(seq);
        }
        received++;
    }

    long expected() {
        return cycles + maxSeq - baseSeq + 1;
    }

    long lost() {
        return Math.max(0, expected() - received);
    }

    private void restart(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
    }
}
