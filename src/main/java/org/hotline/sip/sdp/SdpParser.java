package org.hotline.sip.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/** Reads the first usable audio stream out of an SDP body (RFC 4566) with javax.sdp. Thread-safe. */
final class SdpParser {

    /** The audio stream we take and every m= line of the offer (the answer keeps their order). */
    record ChosenStream(SdpOffer offer, int index, List<MediaDescription> mediaLines) {}

    private final SdpFactory factory;

    SdpParser(SdpFactory factory) {
        this.factory = factory;
    }

    SessionDescription parseDescription(String sdp) throws SdpRejectedException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpRejectedException(SdpRejectedException.MISCELLANEOUS_WARNING, "empty SDP");
        }
        try {
            return factory.createSessionDescription(sdp);
        } catch (SdpException | RuntimeException e) {
            throw new SdpRejectedException(SdpRejectedException.MISCELLANEOUS_WARNING, "unparsable SDP", e);
        }
    }

    ChosenStream firstAudio(SessionDescription sd) throws SdpRejectedException {
        try {
            List<MediaDescription> lines = mediaLines(sd);
            boolean audioSeen = false;
            for (int i = 0; i < lines.size(); i++) {
                MediaDescription md = lines.get(i);
                var media = md.getMedia();
                if (!"audio".equalsIgnoreCase(media.getMediaType()) || media.getMediaPort() == 0) {
                    continue;
                }
                audioSeen = true;
                if (media.getProtocol().toUpperCase(Locale.ROOT).startsWith("RTP/AVP")) {
                    return new ChosenStream(toOffer(sd, md), i, lines);
                }
            }
            throw audioSeen
                    ? new SdpRejectedException(302, "only secure or non-RTP/AVP audio offered")
                    : new SdpRejectedException(SdpRejectedException.MEDIA_TYPE_NOT_AVAILABLE, "no audio stream");
        } catch (SdpException | RuntimeException e) {
            throw new SdpRejectedException(SdpRejectedException.MISCELLANEOUS_WARNING, "malformed SDP", e);
        }
    }

    private static List<MediaDescription> mediaLines(SessionDescription sd) throws SdpException {
        Vector<?> raw = sd.getMediaDescriptions(false);
        List<MediaDescription> lines = new ArrayList<>();
        if (raw != null) {
            raw.forEach(o -> lines.add((MediaDescription) o));
        }
        return lines;
    }

    private static SdpOffer toOffer(SessionDescription sd, MediaDescription md) throws SdpException {
        Connection c = md.getConnection() != null ? md.getConnection() : sd.getConnection();
        if (c == null) {
            throw new SdpException("no c= line at session or media level");
        }
        List<Integer> pts = new ArrayList<>();
        for (Object f : md.getMedia().getMediaFormats(true)) {
            pts.add(Integer.parseInt(f.toString().trim()));
        }
        Map<Integer, String> rtpmap = new HashMap<>();
        Optional<Direction> direction = Optional.empty();
        for (Attribute a : attributes(md.getAttributes(false))) {
            String name = a.getName();
            if ("rtpmap".equalsIgnoreCase(name) && a.getValue() != null) {
                String[] parts = a.getValue().trim().split("\\s+", 2);
                if (parts.length == 2) {
                    rtpmap.put(Integer.parseInt(parts[0]), parts[1]);
                }
            }
            direction = direction.or(() -> Direction.fromAttribute(name));
        }
        Direction effective = direction
                .or(() -> sessionDirection(sd))
                .orElse(Direction.SENDRECV);
        return new SdpOffer(c.getAddress(), md.getMedia().getMediaPort(), pts, rtpmap, effective);
    }

    private static Optional<Direction> sessionDirection(SessionDescription sd) {
        try {
            for (Attribute a : attributes(sd.getAttributes(false))) {
                Optional<Direction> d = Direction.fromAttribute(a.getName());
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        } catch (SdpException e) {
            throw new IllegalArgumentException("malformed session attribute", e);
        }
    }

    private static List<Attribute> attributes(Vector<?> raw) {
        List<Attribute> list = new ArrayList<>();
        if (raw != null) {
            raw.forEach(o -> list.add((Attribute) o));
        }
        return list;
    }
}
