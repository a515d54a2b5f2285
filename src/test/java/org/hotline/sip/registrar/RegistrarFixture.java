package org.hotline.sip.registrar;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;

/**
 * The registrar wired as the composition root will wire it, with JAIN-SIP's factories (no stack,
 * no sockets), a hand-moved clock and a seeded random.
 */
final class RegistrarFixture {

    static final String REALM = RegisterMessage.DOMAIN;
    static final String AGENT = "1001";
    static final String PASSWORD = "s3cret-1001";
    static final String OTHER_AGENT = "1002";
    static final String OTHER_PASSWORD = "s3cret-1002";

    final MutableClock clock = MutableClock.atEpochDay();
    final MessageFactory messages;
    final HeaderFactory headers;
    final AddressFactory addresses;
    final SourceLockout lockout;
    final Registrar registrar;
    final RegisterHandler handler;
    final RecordingListener events = new RecordingListener();
    final InetAddress phone = address("192.0.2.10");
    final InetAddress otherPhone = address("192.0.2.20");
    private int cnonces;

    RegistrarFixture() throws PeerUnavailableException, NoSuchAlgorithmException {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        messages = sip.createMessageFactory();
        headers = sip.createHeaderFactory();
        addresses = sip.createAddressFactory();
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42);
        CredentialStore credentials = MapCredentialStore.of(List.of(
                DigestCredentials.hash(AGENT, REALM, PASSWORD.toCharArray()),
                DigestCredentials.hash(OTHER_AGENT, REALM, OTHER_PASSWORD.toCharArray())));
        DigestAuthenticator authenticator = new DigestAuthenticator(
                new DigestConfig(REALM, Duration.ofMinutes(5)), clock, random, addresses);
        lockout = new SourceLockout(new LockoutConfig(5, Duration.ofMinutes(5), Duration.ofMinutes(15), 100), clock);
        registrar = new Registrar(new RegistrarConfig(Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofMinutes(30), 3), clock, addresses, events);
        handler = new RegisterHandler(new SipResponses(messages, headers, clock, random),
                new RegisterAuthentication(credentials, authenticator, lockout), registrar);
    }

    Response send(RegisterMessage message, InetAddress source) throws ParseException {
        return handler.handle(message.build(messages), source);
    }

    Response send(RegisterMessage message) throws ParseException {
        return send(message, phone);
    }

    /** Sends the message, answers the 401 with {@code algorithm} and a CSeq one higher, returns the final response. */
    Response register(RegisterMessage message, long cseq, String password, String algorithm, InetAddress source)
            throws ParseException {
        Response challenge = send(message.cseq(cseq), source);
        if (challenge.getStatusCode() != Response.UNAUTHORIZED) {
            return challenge;
        }
        return send(message.cseq(cseq + 1).authorization(DigestClient.answer(
                DigestClient.challenge(challenge, algorithm), message.user(), password, "00000001", nextCnonce())),
                source);
    }

    Response register(RegisterMessage message, long cseq) throws ParseException {
        return register(message, cseq, PASSWORD, "SHA-256", phone);
    }

    String nextCnonce() {
        return "cnonce-" + (++cnonces);
    }

    /** Contact URI → expires parameter, in header order. */
    static List<String> contacts(Response response) {
        List<String> contacts = new ArrayList<>();
        ListIterator<?> headers = response.getHeaders(ContactHeader.NAME);
        while (headers.hasNext()) {
            ContactHeader contact = (ContactHeader) headers.next();
            contacts.add(contact.getAddress().getURI() + " expires=" + contact.getExpires());
        }
        return contacts;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
