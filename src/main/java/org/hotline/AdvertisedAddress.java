package org.hotline;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.hotline.config.SipConfig;

/**
 * The address written into Contact and SDP. When the configuration binds the wildcard and names
 * no {@code sip.advertisedAddress}, peers need a concrete address: the first IPv4 address of an
 * interface that is up and not loopback, else the loopback (a machine with no network).
 */
final class AdvertisedAddress {

    private AdvertisedAddress() {
    }

    static SipConfig resolve(SipConfig sip) {
        String advertised = sip.advertisedAddress();
        if (advertised != null && !isWildcard(advertised)) {
            return sip;
        }
        String address = isWildcard(sip.bindAddress()) ? firstSiteAddress().orElse("127.0.0.1") : sip.bindAddress();
        return new SipConfig(sip.bindAddress(), sip.port(), sip.transports(), address, sip.ringDelay(), sip.stackThreads());
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private static Optional<String> firstSiteAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces to find sip.advertisedAddress; set it", e);
        }
    }
}
