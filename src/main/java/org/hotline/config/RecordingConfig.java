package org.hotline.config;

import java.nio.file.Path;

/**
 * Call recording ({@code recording:}, rule R14): where the stereo WAVs and their JSON sidecars are
 * written. Which calls are recorded is each queue's {@code recording} key ({@link RecordingPolicy}).
 *
 * @param directory {@code recording.directory}, relative to the working directory; created at
 *                  start-up; default {@code data/recordings}. Files go to
 *                  {@code <directory>/<yyyy-MM-dd>/<id>.wav} and {@code <id>.json}
 */
public record RecordingConfig(Path directory) {
}
