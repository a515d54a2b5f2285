/**
 * Retention of recordings (issue 4 part 5, rule R15): a daily {@link org.hotline.retention.RetentionJob}
 * on its own virtual thread runs a {@link org.hotline.retention.RetentionPass} that deletes recordings
 * older than {@code recording.retention}, except complaints' and those under QA review
 * ({@link org.hotline.retention.QaReview}), and writes an audit line for each. Off every call path.
 */
package org.hotline.retention;
