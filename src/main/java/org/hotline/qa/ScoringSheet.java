package org.hotline.qa;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.config.QaConfig;

/**
 * The scoring sheet of rule R14 ({@code qa.scoringSheet}): each criterion is rated 0-5 and weighs
 * its share of 100 points; a score rates every criterion, nothing else. Immutable.
 */
public final class ScoringSheet {

    public static final int MAX_RATING = 5;

    private final List<QaConfig.Criterion> criteria;

    public ScoringSheet(List<QaConfig.Criterion> criteria) {
        this.criteria = List.copyOf(criteria);
    }

    public List<QaConfig.Criterion> criteria() {
        return criteria;
    }

    /** A checked score: the ratings in sheet order and the total out of 100. */
    public record Rated(Map<String, Integer> ratings, BigDecimal total) {}

    /**
     * Checks {@code ratings} (a JSON object criterion → 0-5) against the sheet.
     *
     * @throws InvalidScoreException naming {@code ratings} or {@code ratings.<criterion>}
     */
    public Rated rate(JsonNode ratings) {
        if (ratings == null || !ratings.isObject()) {
            throw new InvalidScoreException("ratings", "ratings must be an object like {\"greeting\": 4, ...}, one 0-"
                    + MAX_RATING + " rating per criterion of the scoring sheet");
        }
        for (Iterator<String> names = ratings.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (criteria.stream().noneMatch(criterion -> criterion.id().equals(name))) {
                throw new InvalidScoreException("ratings." + name, name + " is not on the scoring sheet");
            }
        }
        Map<String, Integer> checked = new LinkedHashMap<>();
        BigDecimal points = BigDecimal.ZERO;
        for (QaConfig.Criterion criterion : criteria) {
            String field = "ratings." + criterion.id();
            JsonNode rating = ratings.get(criterion.id());
            if (rating == null || rating.isNull()) {
                throw new InvalidScoreException(field, criterion.id() + " is not rated (0-" + MAX_RATING + ")");
            }
            if (!rating.isIntegralNumber() || rating.asInt() < 0 || rating.asInt() > MAX_RATING || !rating.canConvertToInt()) {
                throw new InvalidScoreException(field, rating + " is not a whole number 0-" + MAX_RATING);
            }
            checked.put(criterion.id(), rating.asInt());
            points = points.add(BigDecimal.valueOf((long) criterion.weight() * rating.asInt()));
        }
        return new Rated(checked, points.divide(BigDecimal.valueOf(MAX_RATING), 1, RoundingMode.HALF_UP));
    }
}
