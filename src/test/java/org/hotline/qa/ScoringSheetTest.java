package org.hotline.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.hotline.config.ConfigDefaults;
import org.junit.jupiter.api.Test;

class ScoringSheetTest {

    private final ScoringSheet sheet = new ScoringSheet(ConfigDefaults.QA_SCORING_SHEET);
    private final ObjectMapper json = new ObjectMapper();

    private ScoringSheet.Rated rate(String ratings) throws Exception {
        return sheet.rate(json.readTree(ratings));
    }

    @Test
    void weighsEachCriterionsRatingIntoATotalOutOfOneHundred() throws Exception {
        ScoringSheet.Rated perfect = rate("{\"greeting\":5,\"identification\":5,\"listening\":5,\"forbidden-phrases\":5,"
                + "\"hold-etiquette\":5,\"closing\":5}");
        assertEquals(0, new BigDecimal("100").compareTo(perfect.total()));
        ScoringSheet.Rated mixed = rate("{\"greeting\":4,\"identification\":5,\"listening\":3,\"forbidden-phrases\":0,"
                + "\"hold-etiquette\":2,\"closing\":5}");
        // 15*4/5 + 10 + 25*3/5 + 0 + 15*2/5 + 15 = 12 + 10 + 15 + 0 + 6 + 15
        assertEquals(0, new BigDecimal("58.0").compareTo(mixed.total()));
        assertEquals(4, mixed.ratings().get("greeting"));
    }

    @Test
    void namesTheFieldOfAMalformedRating() {
        InvalidScoreException negative = assertThrows(InvalidScoreException.class, () -> rate("{\"greeting\":-1}"));
        assertEquals("ratings.greeting", negative.field());
        InvalidScoreException fraction = assertThrows(InvalidScoreException.class, () -> rate("{\"greeting\":4.5}"));
        assertEquals("ratings.greeting", fraction.field());
        assertEquals("ratings", assertThrows(InvalidScoreException.class, () -> sheet.rate(null)).field());
        assertEquals("ratings", assertThrows(InvalidScoreException.class, () -> rate("[1,2]")).field());
    }
}
