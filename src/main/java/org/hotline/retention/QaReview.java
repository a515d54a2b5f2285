package org.hotline.retention;

import java.util.HashSet;
import java.util.Set;
import org.hotline.qa.QaService;
import org.hotline.qa.SampledCall;
import org.hotline.store.JdbcRetentionStore;

/**
 * The calls under QA review (rule R14), whose recordings retention keeps: this week's provisional
 * sample, last week's (stored by {@link QaService} like QA's first look at it would), and every
 * call of a stored sample that has no score yet. Retention's thread only.
 */
public final class QaReview {

    private final JdbcRetentionStore store;
    private final QaService qa;

    public QaReview(JdbcRetentionStore store, QaService qa) {
        this.store = store;
        this.qa = qa;
    }

    /** @throws org.hotline.store.StoreUnavailableException while the database is away */
    public Set<String> callIds() {
        Set<String> calls = new HashSet<>();
        var week = qa.currentWeek();
        qa.sample(week).calls().stream().map(SampledCall::callId).forEach(calls::add);
        qa.sample(week.previous()).calls().stream().map(SampledCall::callId).forEach(calls::add);
        calls.addAll(store.unscoredSampledCalls());
        return calls;
    }
}
