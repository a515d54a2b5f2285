package org.hotline.media.rtp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.config.RtpConfig;

/** Unique loopback port ranges for network tests: found free by binding them once. */
final class TestPorts {

    static final String LOOPBACK = "127.0.0.1";

    private TestPorts() {
    }

    /** A config over {@code pairs} even/odd pairs that were all free a moment ago. */
    static RtpConfig freeRange(int pairs) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20000 + 2 * ThreadLocalRandom.current().nextInt(10000);
            if (allFree(base, 2 * pairs)) {
                return new RtpConfig(LOOPBACK, base, base + 2 * pairs - 1, 1);
            }
        }
        throw new IllegalStateException("no free port range found");
    }

    private static boolean allFree(int base, int count) {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int port = base; port < base + count; port++) {
                sockets.add(new DatagramSocket(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port)));
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }
}
