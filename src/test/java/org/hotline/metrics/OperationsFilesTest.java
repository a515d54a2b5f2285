package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.hotline.config.ConfigDefaults;
import org.junit.jupiter.api.Test;

/**
 * The operations files agree with each other without running anything (PrometheusSystemTest runs
 * them): the dashboard's panels use the provisioned datasource, Grafana and Prometheus find their
 * files where docker-compose.yml mounts them, Prometheus scrapes the port Hotline serves on.
 */
class OperationsFilesTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyPanelUsesTheProvisionedDatasourceAndHasUniqueIdsAndQueries() throws IOException {
        JsonNode datasource = YAML.readTree(Path.of("config/grafana/provisioning/datasources/prometheus.yml").toFile())
                .path("datasources").get(0);
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("config/grafana/dashboards/hotline.json").toFile());
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);

        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel id " + panel.path("id") + " used twice");
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertEquals(datasource.path("uid").asText(), panel.path("datasource").path("uid").asText(), panel.toString());
            assertFalse(panel.path("targets").isEmpty(), "panel " + panel.path("title") + " has no query");
            for (JsonNode target : panel.path("targets")) {
                assertFalse(target.path("expr").asText().isBlank(), "an empty query in " + panel.path("title"));
            }
        }
        assertEquals("prometheus", datasource.path("type").asText());
    }

    @Test
    void composeMountsWhatGrafanaAndPrometheusAreConfiguredToRead() throws IOException {
        JsonNode services = YAML.readTree(Path.of("docker-compose.yml").toFile()).path("services");
        JsonNode provider = YAML.readTree(Path.of("config/grafana/provisioning/dashboards/hotline.yml").toFile())
                .path("providers").get(0);
        JsonNode prometheus = YAML.readTree(Path.of("config/prometheus/prometheus.yml").toFile());

        assertTrue(volumes(services.path("grafana")).contains("./config/grafana/dashboards:"
                + provider.path("options").path("path").asText() + ":ro"));
        assertTrue(volumes(services.path("grafana")).contains("./config/grafana/provisioning:/etc/grafana/provisioning:ro"));
        assertTrue(volumes(services.path("prometheus")).contains("./config/prometheus:/etc/prometheus:ro"));
        assertEquals("alerts.yml", prometheus.path("rule_files").get(0).asText());
        JsonNode hotlineJob = StreamSupport.stream(prometheus.path("scrape_configs").spliterator(), false)
                .filter(job -> job.path("job_name").asText().equals("hotline")).findFirst().orElseThrow();
        assertEquals("hotline:" + ConfigDefaults.HTTP_PORT, hotlineJob.path("static_configs").get(0).path("targets").get(0)
                .asText(), "the alert rules' up{job=\"hotline\"} and the default http.port");
        assertTrue(services.path("hotline").path("command").toString().contains("http.bindAddress=0.0.0.0"),
                "Prometheus reaches the API across the compose network");
    }

    private static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        service.path("volumes").forEach(volume -> volumes.add(volume.asText()));
        return volumes;
    }
}
