package org.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.hotline.config.AgentConfig;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.sip.registrar.CredentialStore;
import org.hotline.sip.registrar.DigestCredential;
import org.hotline.sip.registrar.DigestCredentials;
import org.junit.jupiter.api.Test;

/** Agents' stored credentials: from the configuration to the registrar's store, and hash-password's output. */
class AgentCredentialsTest {

    private final HotlineConfig demo = ConfigLoader.loadDefault(Map.of());

    @Test
    void demoAgentsHashesAreThoseOfTheDocumentedDemoPasswords() {
        for (AgentConfig agent : demo.agents().members()) {
            DigestCredential expected = DigestCredentials.hash(agent.workNumber(), "hotline",
                    ("demo" + agent.workNumber()).toCharArray());
            assertEquals(expected.ha1Md5(), agent.ha1Md5(), agent.workNumber());
            assertEquals(expected.ha1Sha256(), agent.ha1Sha256(), agent.workNumber());
        }
    }

    @Test
    void credentialStoreHoldsEachAgentByWorkNumberInTheConfiguredRealm() {
        CredentialStore store = AgentCredentials.of(demo.agents());

        AgentConfig first = demo.agents().members().getFirst();
        assertEquals(Optional.of(new DigestCredential("1001", "hotline", first.ha1Md5(), first.ha1Sha256())), store.find("1001"));
        assertEquals(Optional.empty(), store.find("4008001234"));
    }

    @Test
    void hashPasswordPrintsTheTwoLinesToPaste() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        PasswordHasher.print(DigestCredentials.hash("1002", "hotline", "demo1002".toCharArray()),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals("""
                      ha1Md5: 951f93efda0bef97f8f47dae45158c6e
                      ha1Sha256: 96b98187f3231f2c27d1f85c605dc7b1b5e16e36f74c6b6bca639d5a7a75ce58
                """, out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
