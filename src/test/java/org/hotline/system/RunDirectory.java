package org.hotline.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A fresh directory under {@code target/system-runs/} for one peer's files (config, scenario, traces,
 * recordings). Kept after the run so a failed system test can be inspected.
 */
public final class RunDirectory {

    public static final Path ROOT = Path.of("target", "system-runs");

    private RunDirectory() {
    }

    public static Path create(String label) {
        try {
            Files.createDirectories(ROOT);
            return Files.createTempDirectory(ROOT, label + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + ROOT, e);
        }
    }

    /** Copies every file of a classpath resource directory (e.g. {@code /system/sipp/}) into {@code dir}. */
    public static void copyResourceDirectory(String resourceDir, Path dir) {
        try {
            URL url = RunDirectory.class.getResource(resourceDir);
            if (url == null || !"file".equals(url.getProtocol())) {
                throw new IllegalArgumentException("no test resource directory " + resourceDir + " (" + url + ")");
            }
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + resourceDir + " to " + dir, e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(resourceDir, e);
        }
    }

    /** Copies a classpath resource (e.g. {@code /system/sipp/uac-greeting.xml}) into {@code dir}. */
    public static Path copyResource(String resource, Path dir, String fileName) {
        try (InputStream in = RunDirectory.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            Path target = dir.resolve(fileName);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + resource + " to " + dir, e);
        }
    }
}
