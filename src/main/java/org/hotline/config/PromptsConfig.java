package org.hotline.config;

import java.nio.file.Path;

/**
 * Where prompt WAVs live: {@code <directory>/<language>/<name>.wav}, 8 kHz mono 16-bit PCM. Sites
 * replace files with studio recordings of the same name.
 *
 * @param directory {@code prompts.directory}, relative to the working directory; default {@code prompts}
 */
public record PromptsConfig(Path directory) {
}
