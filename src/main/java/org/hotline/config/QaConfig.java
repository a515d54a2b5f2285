package org.hotline.config;

import java.util.List;

/**
 * Quality assurance ({@code qa:}): the weekly sample (rule R14), the scoring sheet QA staff fill
 * in, and the people who may use the QA, recording and call-record API.
 *
 * @param samplesPerAgentPerWeek randomly sampled recorded calls per agent per week, at least 3 (rule R14); default 3
 * @param seed                   seed of the sampling, so a week's sample can be drawn again identically; set a site's own
 * @param scoringSheet           the criteria, weights summing to 100; default the service standards' six
 * @param users                  API users; default none (every protected route then answers 401)
 */
public record QaConfig(int samplesPerAgentPerWeek, long seed, List<Criterion> scoringSheet, List<User> users) {

    /** Roles, from least to most: qa (sample, listen, score), supervisor (also calls, events, complaints), admin. */
    public static final List<String> ROLES = List.of("qa", "supervisor", "admin");

    /**
     * One line of the scoring sheet: rated 0-5 by QA, worth {@code weight} of 100 points.
     *
     * @param rules the service-standard rules it checks, e.g. {@code [R7, R8]}
     */
    public record Criterion(String id, String description, int weight, List<String> rules) {}

    /**
     * An API user; {@code passwordHash} is {@code pbkdf2-sha256$iterations$salt$hash} from
     * {@code ./hotline run hash-api-password <name>}, never a plain password.
     */
    public record User(String name, String role, String passwordHash) {

        @Override
        public String toString() {
            return "User[name=" + name + ", role=" + role + "]";
        }
    }
}
