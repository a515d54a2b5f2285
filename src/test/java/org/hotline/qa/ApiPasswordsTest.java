package org.hotline.qa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiPasswordsTest {

    @Test
    void storesOnlyPasswordHashesThatVerify() {
        String stored = ApiPasswords.hash("correct horse".toCharArray(), 10_000);
        assertTrue(stored.startsWith("pbkdf2-sha256$10000$"));
        assertFalse(stored.contains("correct"));
        assertTrue(ApiPasswords.verify("correct horse".toCharArray(), stored));
        assertFalse(ApiPasswords.verify("correct horse!".toCharArray(), stored));
        assertFalse(ApiPasswords.verify("x".toCharArray(), "plain-text"));
    }
}
