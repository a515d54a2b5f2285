package org.hotline.config;

import java.nio.file.Path;
import java.time.LocalTime;

/**
 * Call recording ({@code recording:}, rule R14): where the stereo WAVs and their JSON sidecars are
 * written. Which calls are recorded is each queue's {@code recording} key ({@link RecordingPolicy}).
 *
 * @param directory {@code recording.directory}, relative to the working directory; created at
 *                  start-up; default {@code data/recordings}. Files go to
 *                  {@code <directory>/<yyyy-MM-dd>/<id>.wav} and {@code <id>.json}
 * @param retention {@code recording.retention}: recordings older than this are deleted by the daily
 *                  retention job, except complaints' (rule R15) and those under QA review (rule R14);
 *                  whole days, at least 14d, or {@code forever}; default {@code 90d}
 * @param retentionRunsAt {@code recording.retentionRunsAt}: when the daily retention job runs, in
 *                  {@code service.timeZone}; default {@code "03:30"} (off-peak)
 */
public record RecordingConfig(Path directory, RecordingRetention retention, LocalTime retentionRunsAt) {
}
