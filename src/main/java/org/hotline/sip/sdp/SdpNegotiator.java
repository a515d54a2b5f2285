package org.hotline.sip.sdp;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Vector;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;

/**
 * SDP offer/answer for one audio stream (RFC 3264): parses the peer's SDP with the javax.sdp
 * implementation of JAIN-SIP RI, picks the first of the peer's payload types we speak (PCMU, PCMA),
 * keeps its telephone-event payload type (RFC 4733) and builds our answer. Stateless and
 * thread-safe.
 */
public final class SdpNegotiator {

    /** Payload type we offer for RFC 4733 events when we make the offer (delayed offer, RFC 3264). */
    public static final int OFFERED_TELEPHONE_EVENT_PT = 101;

    private final SdpFactory factory = SdpFactory.getInstance();
    private final SdpParser parser = new SdpParser(factory);

    /** Checks that {@link #answer} would accept the offer, before any media port is taken. */
    public void check(String offerSdp) throws SdpRejectedException {
        SdpOffer audio = parser.firstAudio(parser.parseDescription(offerSdp)).offer();
        if (chooseCodec(audio).isEmpty()) {
            throw new SdpRejectedException(SdpRejectedException.INCOMPATIBLE_MEDIA_FORMAT, "none of PCMU, PCMA offered");
        }
    }

    /** Answers an offer (initial INVITE or re-INVITE). */
    public NegotiatedMedia answer(String offerSdp, LocalMedia local) throws SdpRejectedException {
        SessionDescription offer = parser.parseDescription(offerSdp);
        SdpParser.ChosenStream chosen = parser.firstAudio(offer);
        SdpOffer audio = chosen.offer();
        Codec codec = chooseCodec(audio).orElseThrow(() -> new SdpRejectedException(
                SdpRejectedException.INCOMPATIBLE_MEDIA_FORMAT, "none of PCMU, PCMA offered"));
        int eventPt = telephoneEventPayloadType(audio);
        String answer = build(local, chosen, codec.payloadType(), eventPt, audio.direction().mirrored());
        return new NegotiatedMedia(remote(audio, codec, eventPt), audio.direction(), audio.legacyHold(), answer);
    }

    /** Our own offer, sent in the 200 OK when the INVITE carried none (RFC 3264 delayed offer). */
    public String offer(LocalMedia local) {
        try {
            SessionDescription sd = session(local);
            MediaDescription md = factory.createMediaDescription("audio", local.port(), 1, "RTP/AVP",
                    new int[] {Codec.PCMU.payloadType(), Codec.PCMA.payloadType(), OFFERED_TELEPHONE_EVENT_PT});
            addAudioAttributes(md, List.of(Codec.PCMU.payloadType(), Codec.PCMA.payloadType()),
                    OFFERED_TELEPHONE_EVENT_PT, Direction.SENDRECV);
            sd.setMediaDescriptions(new Vector<>(List.of(md)));
            return sd.toString();
        } catch (SdpException e) {
            throw new IllegalStateException("cannot build our SDP offer", e);
        }
    }

    /** Reads the peer's answer to {@link #offer} (carried by the ACK). */
    public NegotiatedMedia acceptAnswer(String answerSdp, String ourOffer) throws SdpRejectedException {
        SdpOffer audio = parser.firstAudio(parser.parseDescription(answerSdp)).offer();
        Codec codec = chooseCodec(audio).orElseThrow(() -> new SdpRejectedException(
                SdpRejectedException.INCOMPATIBLE_MEDIA_FORMAT, "answer has none of PCMU, PCMA"));
        int eventPt = telephoneEventPayloadType(audio);
        return new NegotiatedMedia(remote(audio, codec, eventPt), audio.direction(), audio.legacyHold(), ourOffer);
    }

    static Optional<Codec> chooseCodec(SdpOffer offer) {
        for (int pt : offer.payloadTypes()) {
            for (Codec codec : Codec.values()) {
                if (codec.payloadType() == pt && rtpmapAgrees(offer, pt, codec)) {
                    return Optional.of(codec);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean rtpmapAgrees(SdpOffer offer, int pt, Codec codec) {
        String map = offer.rtpmap().get(pt);
        return map == null || map.toUpperCase(Locale.ROOT).startsWith(codec.name() + "/8000");
    }

    static int telephoneEventPayloadType(SdpOffer offer) {
        for (int pt : offer.payloadTypes()) {
            String map = offer.rtpmap().get(pt);
            if (map != null && map.toLowerCase(Locale.ROOT).startsWith("telephone-event/8000")) {
                return pt;
            }
        }
        return -1;
    }

    /**
     * The offer's connection address must be an IP literal: resolving a host name here would block
     * a SIP stack thread on DNS. RFC 4566 allows names, but SIP user agents send addresses.
     */
    private static RemoteMedia remote(SdpOffer audio, Codec codec, int eventPt) throws SdpRejectedException {
        byte[] ip = NetUtil.createByteArrayFromIpAddressString(audio.address());
        if (ip == null) {
            throw new SdpRejectedException(399, "c= must be an IP address, not " + audio.address());
        }
        try {
            return new RemoteMedia(new InetSocketAddress(InetAddress.getByAddress(ip), audio.port()), codec, eventPt);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + ip.length + " bytes from NetUtil", e);
        }
    }

    private String build(LocalMedia local, SdpParser.ChosenStream chosen, int codecPt, int eventPt,
            Direction direction) throws SdpRejectedException {
        try {
            SessionDescription sd = session(local);
            Vector<MediaDescription> lines = new Vector<>();
            for (int i = 0; i < chosen.mediaLines().size(); i++) {
                if (i == chosen.index()) {
                    List<Integer> formats = new ArrayList<>(List.of(codecPt));
                    if (eventPt >= 0) {
                        formats.add(eventPt);
                    }
                    MediaDescription md = factory.createMediaDescription("audio", local.port(), 1, "RTP/AVP",
                            formats.stream().mapToInt(Integer::intValue).toArray());
                    addAudioAttributes(md, List.of(codecPt), eventPt, direction);
                    lines.add(md);
                } else {
                    lines.add(refused(chosen.mediaLines().get(i)));
                }
            }
            sd.setMediaDescriptions(lines);
            return sd.toString();
        } catch (SdpException e) {
            throw new SdpRejectedException(SdpRejectedException.MISCELLANEOUS_WARNING, "cannot build answer", e);
        }
    }

    /** RFC 3264 §6: a stream we do not take is answered with port 0 and keeps its place. */
    private MediaDescription refused(MediaDescription offered) throws SdpException {
        var media = offered.getMedia();
        Vector<?> formats = media.getMediaFormats(true);
        String first = formats.isEmpty() ? "0" : formats.get(0).toString();
        return factory.createMediaDescription(media.getMediaType(), 0, 1, media.getProtocol(), new String[] {first});
    }

    private SessionDescription session(LocalMedia local) throws SdpException {
        String addressType = local.address().contains(":") ? "IP6" : "IP4";
        SessionDescription sd = factory.createSessionDescription();
        sd.setOrigin(factory.createOrigin("hotline", local.sessionId(), local.sessionVersion(), "IN", addressType,
                local.address()));
        sd.setSessionName(factory.createSessionName("hotline"));
        sd.setConnection(factory.createConnection("IN", addressType, local.address()));
        return sd;
    }

    private void addAudioAttributes(MediaDescription md, List<Integer> codecPts, int eventPt, Direction direction)
            throws SdpException {
        Vector<javax.sdp.Attribute> attributes = new Vector<>();
        for (int pt : codecPts) {
            Codec codec = pt == Codec.PCMU.payloadType() ? Codec.PCMU : Codec.PCMA;
            attributes.add(factory.createAttribute("rtpmap", pt + " " + codec.name() + "/8000"));
        }
        if (eventPt >= 0) {
            attributes.add(factory.createAttribute("rtpmap", eventPt + " telephone-event/8000"));
            attributes.add(factory.createAttribute("fmtp", eventPt + " 0-16"));
        }
        attributes.add(factory.createAttribute("ptime", "20"));
        attributes.add(factory.createAttribute(direction.attributeName(), null));
        md.setAttributes(attributes);
    }
}
