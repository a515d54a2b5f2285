package org.hotline.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.metrics.ComponentHealth;
import org.hotline.metrics.HealthReport;

/**
 * The routes operations tools poll: {@code /metrics} for Prometheus (text exposition format) and
 * {@code /health} for load balancers and humans (JSON; 200 only when every component is up, 503
 * otherwise). Immutable; requests run on the server's virtual threads and may wait, bounded, on the
 * ACD (see {@code org.hotline.metrics.AcdGauges}).
 *
 * <pre>
 *   GET /metrics   200 text/plain; version=0.0.4   every meter of docs/metrics.md
 *   GET /health    200|503 {"status": "UP|DOWN", "components": {"sip": {"status", "detail"}, "rtp": ..., "acd": ...}}
 * </pre>
 */
public final class OperationsResource {

    private final Supplier<String> exposition;
    private final String contentType;
    private final Supplier<HealthReport> health;

    /**
     * @param exposition  the metrics in Prometheus's text format, freshly scraped
     * @param contentType their content type
     * @param health      every component's health, checked now
     */
    public OperationsResource(Supplier<String> exposition, String contentType, Supplier<HealthReport> health) {
        this.exposition = exposition;
        this.contentType = contentType;
        this.health = health;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/metrics", request -> ApiResponse.text(200, contentType, exposition.get())),
                Route.get("/health", request -> health()));
    }

    private ApiResponse health() {
        HealthReport report = health.get();
        Map<String, Object> components = new LinkedHashMap<>();
        report.components().forEach((name, component) -> components.put(name, view(component)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status(report.up()));
        body.put("components", components);
        return new ApiResponse(report.up() ? 200 : 503, body);
    }

    private static Map<String, Object> view(ComponentHealth component) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", status(component.up()));
        view.put("detail", component.detail());
        return view;
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
