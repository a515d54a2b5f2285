package org.hotline.http;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hotline.config.QaConfig;
import org.hotline.qa.QaSampler;
import org.hotline.qa.QaService;
import org.hotline.qa.ScoringSheet;
import org.hotline.store.Store;

/**
 * The routes of issue 4 in one list for the composition root: call records and the event log
 * ({@link StoreResource}), QA's sheet and sample ({@link QaResource}), recordings
 * ({@link RecordingResource}) and the pending callbacks ({@link CallbacksResource}), all behind {@link ApiAccess} with the store's audit trail.
 */
public final class StoreRoutes {

    private StoreRoutes() {
    }

    public static List<Route> of(Store store, QaConfig qa, ZoneId zone, Clock clock) {
        ApiAccess access = new ApiAccess(qa.users(), store.keeper()::audit, clock);
        ScoringSheet sheet = new ScoringSheet(qa.scoringSheet());
        QaService sampling = new QaService(store.calls(), store.qa(), new QaSampler(qa.samplesPerAgentPerWeek(), qa.seed()),
                zone, clock);
        List<Route> routes = new ArrayList<>(new StoreResource(store.calls(), access, zone, clock).routes());
        routes.addAll(new QaResource(sampling, sheet, access).routes());
        routes.addAll(new RecordingResource(store.calls(), store.qa(), sheet, access, clock).routes());
        routes.addAll(new CallbacksResource(store.callbacks()::pending, access).routes()); // rule R12
        return List.copyOf(routes);
    }
}
