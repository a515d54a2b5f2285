package org.hotline.metrics;

import org.hotline.sip.SipTrafficListener;

/**
 * Counts the SIP front's requests and responses by method, status code and direction ({@code in}:
 * received, {@code out}: sent). Stateless; any thread.
 */
public final class SipMetrics implements SipTrafficListener {

    private final MetricsCatalog catalog;

    public SipMetrics(MetricsCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void requestReceived(String method) {
        catalog.sipRequest(method, "in");
    }

    @Override
    public void requestSent(String method) {
        catalog.sipRequest(method, "out");
    }

    @Override
    public void responseReceived(String method, int statusCode) {
        catalog.sipResponse(method, statusCode, "in");
    }

    @Override
    public void responseSent(String method, int statusCode) {
        catalog.sipResponse(method, statusCode, "out");
    }
}
