package org.hotline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchConfigTest {

    @Test
    void generatedConfigPassesValidationWithAgentsQueuesAndTheBenchPorts(@TempDir Path dir) {
        BenchOptions options = BenchOptions.defaults().concurrency(6).calls(6).waitShare(0.5)
                .announceFirst(Duration.ofSeconds(10)).build();

        HotlineConfig config = ConfigLoader.load(BenchConfig.write(dir, options, 25060, 28080, Path.of("prompts")), Map.of());

        assertEquals(25060, config.sip().port());
        assertEquals(16_000, config.rtp().portMin());
        assertEquals(options.agentCount(), config.agents().members().size());
        assertEquals("7001", config.agents().members().getFirst().workNumber());
        assertEquals(Duration.ofSeconds(10), config.queues().get(1).announceFirst());
        assertEquals(BenchConfig.WAIT_QUEUE, config.queues().get(1).name());
    }

    @Test
    void ivrOnlyRunHasNoAgents(@TempDir Path dir) throws Exception {
        BenchOptions options = BenchOptions.parse(new String[] {"--ivr-only", "--cps", "5", "--duration", "10s",
            "--call-length", "8s", "--run-dir", dir.toString()});

        HotlineConfig config = ConfigLoader.load(BenchConfig.write(dir, options, 25060, 28080, Path.of("prompts")), Map.of());

        assertEquals(0, config.agents().members().size());
        assertEquals(50, options.calls(), "5 calls a second for 10 s");
        assertEquals(true, Files.exists(dir.resolve("hotline.yaml")));
    }

    @Test
    void ha1IsTheDigestOfWorkNumberRealmAndPassword() {
        // printf '7001:hotline:bench7001' | md5sum
        assertEquals("9baea108ee63b302d9e59802ae328a0b", BenchConfig.ha1("MD5", "7001"));
    }
}
