package org.hotline.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.qa.IsoWeek;
import org.hotline.qa.QaService;
import org.hotline.qa.ScoringSheet;

/**
 * QA's routes (rule R14): the scoring sheet and a week's sample, every agent's randomly drawn
 * calls plus every complaint call (rule R15). Listening and scoring are {@link RecordingResource}'s.
 * Roles qa, supervisor, admin; audited. Immutable.
 *
 * <pre>
 *   GET /api/qa/sheet                  200 {"maxRating": 5, "criteria": [{"id", "description", "weight", "rules"}]}
 *   GET /api/qa/sample?week=2026-W10   200 {"week", "provisional", "calls": [{"agent", "callId", "recordingId", "random", "complaint"}]}
 *                                      default week: the current one (provisional until it is over); 400 {"field": "week"}
 * </pre>
 */
public final class QaResource {

    private final QaService qa;
    private final ScoringSheet sheet;
    private final ApiAccess access;

    public QaResource(QaService qa, ScoringSheet sheet, ApiAccess access) {
        this.qa = qa;
        this.sheet = sheet;
        this.access = access;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/api/qa/sheet", access.guard(ApiAccess.QA_STAFF, "read-sheet", (request, user) ->
                        ApiResponse.ok(Map.of("maxRating", ScoringSheet.MAX_RATING, "criteria", sheet.criteria())))),
                Route.get("/api/qa/sample", access.guard(ApiAccess.QA_STAFF, "read-sample", (request, user) -> sample(request))));
    }

    private ApiResponse sample(ApiRequest request) {
        Optional<String> text = request.query("week");
        IsoWeek week;
        if (text.isEmpty() || text.get().isBlank()) {
            week = qa.currentWeek();
        } else {
            Optional<IsoWeek> parsed = IsoWeek.parse(text.get());
            if (parsed.isEmpty()) {
                return ApiResponse.error(400, "\"" + text.get() + "\" is not an ISO week like 2026-W10", "week");
            }
            week = parsed.get();
        }
        return StoreResource.available(() -> {
            QaService.WeekSample sample = qa.sample(week);
            return ApiResponse.ok(Map.of("week", sample.week().toString(), "provisional", sample.provisional(),
                    "calls", sample.calls()));
        });
    }
}
