package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 2: a bad configuration stops the real command line at start-up with exit code 2 and one
 * line naming the file, the key and the reason; nothing is bound.
 */
class BadConfigStopsStartupSystemTest {

    @Test
    void ringDelayOverThreeRingsStopsStartupNamingKeyAndRuleR1() throws Exception {
        Result result = runMain("--set", "sip.ringDelay=12s");

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains(
                "hotline: configuration error: --set: sip.ringDelay: 12s exceeds the three-ring limit of 10s (rule R1)"),
                result.output());
    }

    @Test
    void fourLevelMenuStopsStartupNamingFileKeyAndRuleR4(@TempDir Path dir) throws Exception {
        String demo = new String(getClass().getClassLoader().getResourceAsStream("hotline.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        Matcher leaf = Pattern.compile("(prompt: menu\\.option\\.bill-query\n)( +)queue: billing[^\n]*").matcher(demo);
        assertTrue(leaf.find(), "the demo menu's bill-query leaf");
        String indent = leaf.group(2);
        String fourLevels = leaf.replaceFirst(Matcher.quoteReplacement(leaf.group(1) + String.join("\n",
                indent + "submenu:",
                indent + "  prompt: menu.billing",
                indent + "  options:",
                indent + "    - key: \"1\"",
                indent + "      prompt: menu.option.payment",
                indent + "      submenu:",
                indent + "        prompt: menu.billing",
                indent + "        options:",
                indent + "          - key: \"1\"",
                indent + "            prompt: menu.option.payment",
                indent + "            queue: billing")));
        Path file = dir.resolve("four-levels.yaml");
        Files.writeString(file, fourLevels);

        Result result = runMain("--config", file.toString());

        assertEquals(2, result.exitCode(), result.output());
        assertTrue(result.output().contains(file + ": ivr.menu.options[0].submenu.options[0].submenu.options[0].submenu:"
                + " menu has 4 levels, at most 3 allowed (rule R4)"), result.output());
    }

    private record Result(int exitCode, String output) {}

    private static Result runMain(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.hotline.Main",
                // should the configuration wrongly pass, the server binds loopback ports nobody uses
                "--set", "sip.bindAddress=127.0.0.1", "--set", "sip.port=" + FreePorts.sipPort()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hotline did not stop on a bad configuration within 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
