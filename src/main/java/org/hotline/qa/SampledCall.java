package org.hotline.qa;

/**
 * One call in an agent's weekly QA sample (rule R14): drawn at random, or in because it is a
 * complaint (rule R15), or both.
 */
public record SampledCall(String agent, String callId, String recordingId, boolean random, boolean complaint) {
}
