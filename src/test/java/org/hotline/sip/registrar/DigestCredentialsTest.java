package org.hotline.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DigestCredentialsTest {

    // RFC 7616 §3.9.1: the example's inputs and its two published responses.
    private static final String USER = "Mufasa";
    private static final String REALM = "http-auth@example.org";
    private static final String PASSWORD = "Circle of Life";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    private static final String URI = "/dir/index.html";

    @Test
    void computesTheRfc7616Sha256ExampleResponse() {
        DigestCredential credential = DigestCredentials.hash(USER, REALM, PASSWORD.toCharArray());
        DigestAnswer answer = rfcAnswer(DigestAlgorithm.SHA_256);

        assertEquals("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
                answer.expectedResponse(credential.ha1(DigestAlgorithm.SHA_256), "GET"));
    }

    @Test
    void computesTheRfc7616Md5ExampleResponse() {
        DigestCredential credential = DigestCredentials.hash(USER, REALM, PASSWORD.toCharArray());
        DigestAnswer answer = rfcAnswer(DigestAlgorithm.MD5);

        assertEquals("8ca523f5e9506fed4657c9700eebdbec",
                answer.expectedResponse(credential.ha1(DigestAlgorithm.MD5), "GET"));
    }

    @Test
    void ha1IsTheHashOfUserRealmAndPassword() {
        DigestCredential credential = DigestCredentials.hash("1001", "hotline.example", "s3cret".toCharArray());

        assertEquals(DigestClient.hash("MD5", "1001:hotline.example:s3cret"), credential.ha1Md5());
        assertEquals(DigestClient.hash("SHA-256", "1001:hotline.example:s3cret"), credential.ha1Sha256());
    }

    @Test
    void credentialHasNoPlaceForAPassword() {
        List<String> components = Arrays.stream(DigestCredential.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertEquals(List.of("user", "realm", "ha1Md5", "ha1Sha256"), components);
        for (Field field : DigestCredential.class.getDeclaredFields()) {
            assertFalse(field.getName().toLowerCase(Locale.ROOT).contains("pass"), field.getName());
        }
    }

    @Test
    void noPlaintextPasswordSurvivesHashing() throws IllegalAccessException {
        String password = "Tr0ub4dor&3-plaintext";
        DigestCredential credential = DigestCredentials.hash("1001", "hotline.example", password.toCharArray());
        MapCredentialStore store = MapCredentialStore.of(List.of(credential));

        assertFalse(credential.toString().contains(password));
        for (Field field : DigestCredential.class.getDeclaredFields()) {
            field.setAccessible(true);
            assertFalse(String.valueOf(field.get(credential)).contains(password), field.getName());
        }
        assertTrue(store.find("1001").orElseThrow().ha1Sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void rejectsHa1OfTheWrongLengthOrNotHex() {
        String md5 = "0".repeat(32);
        String sha = "0".repeat(64);
        assertThrows(IllegalArgumentException.class, () -> new DigestCredential("1001", "r", sha, sha));
        assertThrows(IllegalArgumentException.class, () -> new DigestCredential("1001", "r", md5, "z".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> new DigestCredential("10:01", "r", md5, sha));
    }

    @Test
    void storeRefusesTwoCredentialsForOneWorkNumber() {
        DigestCredential first = DigestCredentials.hash("1001", "r", "a".toCharArray());
        DigestCredential second = DigestCredentials.hash("1001", "r", "b".toCharArray());

        assertThrows(IllegalArgumentException.class, () -> MapCredentialStore.of(List.of(first, second)));
    }

    private static DigestAnswer rfcAnswer(DigestAlgorithm algorithm) {
        return new DigestAnswer(USER, NONCE, URI, "unused", algorithm, "auth", "00000001", CNONCE);
    }
}
