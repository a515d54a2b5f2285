package org.hotline.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import org.hotline.sip.registrar.RegisterRequest.ContactRequest;
import org.hotline.sip.registrar.RegistrationResult.Accepted;
import org.junit.jupiter.api.Test;

class RegistrarTest {

    private final MutableClock clock = MutableClock.atEpochDay();
    private final RecordingListener events = new RecordingListener();
    private final Registrar registrar = new Registrar(
            new RegistrarConfig(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofMinutes(30), 100),
            clock, addresses(), events);

    @Test
    void contactUrisAreComparedAsRfc3261Says() {
        registrar.register(request("1001", "c", 1, contact("sip:1001@HOST.example;transport=UDP", 600)));

        registrar.register(request("1001", "c", 2, contact("sip:1001@host.example;transport=udp", 0)));

        assertTrue(registrar.contacts("1001").isEmpty());
    }

    @Test
    void refreshReplacesTheBindingInsteadOfAddingOne() {
        registrar.register(request("1001", "c", 1, contact("sip:1001@192.0.2.10", 120)));
        clock.advance(Duration.ofSeconds(100));

        registrar.register(request("1001", "c", 2, contact("sip:1001@192.0.2.10", 120)));

        assertEquals(List.of(clock.instant().plusSeconds(120)),
                registrar.contacts("1001").stream().map(ContactBinding::expiresAt).toList());
    }

    @Test
    void newCallIdReplacesABindingEvenWithALowerCSeq() {
        registrar.register(request("1001", "before-reboot", 50, contact("sip:1001@192.0.2.10", 600)));

        RegistrationResult result = registrar.register(request("1001", "after-reboot", 1,
                contact("sip:1001@192.0.2.10", 600)));

        assertInstanceOf(Accepted.class, result);
        assertEquals("after-reboot", registrar.contacts("1001").get(0).callId());
    }

    @Test
    void announcesReachabilityChangesInOrderAndOnlyOnChange() {
        registrar.register(request("1001", "a", 1, contact("sip:1001@192.0.2.10", 60)));
        registrar.register(request("1001", "b", 1, contact("sip:1001@192.0.2.11", 120)));
        clock.advance(Duration.ofSeconds(60));
        registrar.purgeExpired();
        clock.advance(Duration.ofSeconds(60));
        registrar.purgeExpired();
        registrar.register(request("1001", "a", 2, contact("sip:1001@192.0.2.10", 60)));

        assertEquals(List.of("reachable 1001 1", "unreachable 1001", "reachable 1001 1"), events.events);
    }

    @Test
    void snapshotHoldsOnlyReachableAgents() {
        registrar.register(request("1001", "a", 1, contact("sip:1001@192.0.2.10", 60)));
        registrar.register(request("1002", "b", 1, contact("sip:1002@192.0.2.11", 600)));
        clock.advance(Duration.ofSeconds(61));

        Map<String, List<ContactBinding>> snapshot = registrar.snapshot();

        assertEquals(List.of("1002"), List.copyOf(snapshot.keySet()));
    }

    @Test
    void aThrowingListenerDoesNotUndoTheRegistration() {
        Registrar withBadListener = new Registrar(RegistrarConfig.defaults(), clock, addresses(),
                new RegistrationListener() {
                    @Override
                    public void agentReachable(String aor, List<ContactBinding> contacts) {
                        throw new IllegalStateException("listener bug");
                    }

                    @Override
                    public void agentUnreachable(String aor) {
                    }
                });

        withBadListener.register(request("1001", "a", 1, contact("sip:1001@192.0.2.10", 600)));

        assertTrue(withBadListener.isReachable("1001"));
    }

    @Test
    void listenerMayReadTheRegistrarWhileBeingNotified() {
        List<Integer> seen = new ArrayList<>();
        Registrar[] self = new Registrar[1];
        self[0] = new Registrar(RegistrarConfig.defaults(), clock, addresses(), new RegistrationListener() {
            @Override
            public void agentReachable(String aor, List<ContactBinding> contacts) {
                seen.add(self[0].contacts(aor).size());
            }

            @Override
            public void agentUnreachable(String aor) {
            }
        });

        self[0].register(request("1001", "a", 1, contact("sip:1001@192.0.2.10", 600)));

        assertEquals(List.of(1), seen);
    }

    @Test
    void concurrentRegistrationsOfOneAgentAreAllKept() throws Exception {
        int phones = 32;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RegistrationResult>> results = new CopyOnWriteArrayList<>();
        try {
            for (int phone = 0; phone < phones; phone++) {
                RegisterRequest request = request("1001", "phone-" + phone, 1,
                        contact("sip:1001@192.0.2." + phone, 600));
                results.add(pool.submit(() -> {
                    start.await();
                    return registrar.register(request);
                }));
            }
            start.countDown();
            for (Future<RegistrationResult> result : results) {
                assertInstanceOf(Accepted.class, result.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(phones, registrar.contacts("1001").size());
        assertEquals(List.of("reachable 1001 1"), events.events);
    }

    @Test
    void rejectsNonsenseConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new RegistrarConfig(Duration.ofSeconds(600),
                Duration.ofSeconds(60), Duration.ofSeconds(300), 5));
        assertThrows(IllegalArgumentException.class, () -> new RegistrarConfig(Duration.ofMillis(1500),
                Duration.ofSeconds(60), Duration.ofSeconds(60), 5));
    }

    private static RegisterRequest request(String aor, String callId, long cseq, ContactRequest contact) {
        return new RegisterRequest(aor, callId, cseq, false, Optional.empty(), List.of(contact));
    }

    private static ContactRequest contact(String uri, int expiresSeconds) {
        return new ContactRequest(uri, Optional.of(Duration.ofSeconds(expiresSeconds)));
    }

    private static AddressFactory addresses() {
        try {
            SipFactory sip = SipFactory.getInstance();
            sip.setPathName("gov.nist");
            return sip.createAddressFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new AssertionError(e);
        }
    }
}
