package org.hotline.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QaCoverageTest {

    @Test
    void publishesTheCountAtOnceAndAgainAfterAFailedCountWithoutPublishingTheFailure() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        LinkedBlockingQueue<Integer> published = new LinkedBlockingQueue<>();
        List<Integer> answers = new ArrayList<>(List.of(2, -1, 0));

        try (QaCoverage coverage = QaCoverage.start(() -> {
            int answer = answers.get(Math.min(runs.getAndIncrement(), answers.size() - 1));
            if (answer < 0) {
                throw new IllegalStateException("database away");
            }
            return answer;
        }, published::add, Duration.ofMillis(20))) {
            assertEquals(2, published.poll(5, TimeUnit.SECONDS), "the first count, at start");
            assertEquals(0, published.poll(5, TimeUnit.SECONDS), "the failed count published nothing; the next did");
        }
    }
}
