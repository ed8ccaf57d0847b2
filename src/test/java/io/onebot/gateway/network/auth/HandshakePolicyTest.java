package io.onebot.gateway.network.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.config.SettingsReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which handshakes are admitted: configured and enabled entry, the host rule, then the token. */
class HandshakePolicyTest {

    private static HandshakePolicy policy(String... settings) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            properties.put("onebot.network.websocketServers.e." + settings[i], settings[i + 1]);
        }
        return new HandshakePolicy(SettingsReader.read(properties));
    }

    /** Admission of a handshake on the root path, with no port known. */
    private static Admission admitRoot(HandshakePolicy policy, String remote, String local, String authorization,
                                       List<String> tokens) {
        return policy.admit(policy.target("/", -1).orElse(null), remote, local, authorization, tokens);
    }

    private static HandshakePolicy entries(String... settings) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            properties.put("onebot.network.websocketServers." + settings[i], settings[i + 1]);
        }
        return new HandshakePolicy(SettingsReader.read(properties));
    }

    @Test
    void theLongestPathPrefixChoosesTheEntryAndTheRestTheRoute() {
        HandshakePolicy policy = entries("root.enable", "true", "dash.enable", "true", "dash.path", "/dash");
        assertEquals("root", policy.target("/", -1).orElseThrow().entry().name());
        assertEquals("root", policy.target("/dashboard", -1).orElseThrow().entry().name());
        assertEquals("dash", policy.target("/dash", -1).orElseThrow().entry().name());
        assertEquals(Route.UNIVERSAL, policy.target("/dash/event", -1).orElseThrow().route());
        assertEquals(Route.API, policy.target("/dash/api", -1).orElseThrow().route());
        assertEquals(Route.API, policy.target("/dash/api/", -1).orElseThrow().route());
        assertEquals(Route.API, policy.target("/api", -1).orElseThrow().route());
        assertEquals("root", policy.target("/api", -1).orElseThrow().entry().name());
    }

    @Test
    void entriesOnOnePathAreToldApartByPort() {
        HandshakePolicy policy = entries("a.enable", "true", "a.port", "3001", "b.enable", "true", "b.port", "3002");
        assertEquals("a", policy.target("/", 3001).orElseThrow().entry().name());
        assertEquals("b", policy.target("/", 3002).orElseThrow().entry().name());
        assertTrue(policy.target("/x", -1).isPresent(), "an unknown port still reaches an entry");
    }

    @Test
    void anEnabledEntryWinsOverADisabledOneOnTheSamePath() {
        HandshakePolicy policy = entries("a.enable", "false", "a.port", "3001", "b.enable", "true", "b.port", "3002");
        assertEquals("b", policy.target("/", 8080).orElseThrow().entry().name());
    }

    @Test
    void withOnlyPathsThatDoNotCoverTheRequestNothingIsReached() {
        assertTrue(entries("dash.enable", "true", "dash.path", "/dash").target("/other", -1).isEmpty());
    }

    @Test
    void hostHeaderPortsAreRead() {
        assertEquals(3001, HandshakePolicy.port("127.0.0.1:3001"));
        assertEquals(8080, HandshakePolicy.port("[::1]:8080"));
        assertEquals(-1, HandshakePolicy.port("[::1]"));
        assertEquals(-1, HandshakePolicy.port("example.org"));
        assertEquals(-1, HandshakePolicy.port(null));
    }

    @Test
    void theSandboxEndpointTakesAnyEntrysToken() {
        HandshakePolicy open = entries("a.enable", "true");
        assertEquals(Verdict.ACCEPTED, open.sandboxAccess(null));
        HandshakePolicy guarded = entries("a.token", "ta", "b.token", "tb", "b.path", "/b");
        assertEquals(Verdict.ACCEPTED, guarded.sandboxAccess("Bearer tb"));
        assertEquals(Verdict.MISSING, guarded.sandboxAccess(null));
        assertEquals(Verdict.WRONG, guarded.sandboxAccess("Bearer tc"));
    }

    @Test
    void withoutAnEntryNothingIsAdmitted() {
        assertEquals(Admission.NO_ENTRY, admitRoot(new HandshakePolicy(SettingsReader.read(Map.of())), "127.0.0.1", "127.0.0.1", null, List.of()));
    }

    @Test
    void aDisabledEntryAdmitsNobody() {
        assertEquals(Admission.DISABLED, admitRoot(policy("enable", "false"), "127.0.0.1", "127.0.0.1", null, List.of()));
        assertEquals(Admission.DISABLED, admitRoot(policy("enable", "false"), null, null, null, List.of()));
    }

    @ParameterizedTest(name = "host={0}, client {1} dialling {2} -> {3}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1, 127.0.0.1, ACCEPTED",
            "127.0.0.1, 127.0.0.5, 127.0.0.1, ACCEPTED",
            "127.0.0.1, ::1, ::1, ACCEPTED",
            "127.0.0.1, 192.0.2.7, 192.0.2.2, ADDRESS_REFUSED",
            "localhost, 192.0.2.7, 192.0.2.2, ADDRESS_REFUSED",
            "::1, 0:0:0:0:0:0:0:1, ::1, ACCEPTED",
            "0.0.0.0, 192.0.2.7, 192.0.2.2, ACCEPTED",
            "192.0.2.2, 192.0.2.7, 192.0.2.2, ACCEPTED",
            "192.0.2.2, 127.0.0.1, 127.0.0.1, ADDRESS_REFUSED",
    })
    void theHostSettingDecidesWhichClientsAreServed(String host, String remote, String local, Admission expected) {
        assertEquals(expected, admitRoot(policy("enable", "true", "host", host), remote, local, null, List.of()));
    }

    @Test
    void withoutAKnownAddressOnlyTheTokenIsChecked() {
        HandshakePolicy policy = policy("enable", "true", "token", "tk");
        assertEquals(Admission.TOKEN_MISSING, admitRoot(policy, null, null, null, List.of()));
        assertEquals(Admission.TOKEN_WRONG, admitRoot(policy, null, null, "Bearer no", List.of()));
        assertEquals(Admission.ACCEPTED, admitRoot(policy, null, null, null, List.of("tk")));
    }

    @Test
    void theAddressIsCheckedBeforeTheToken() {
        assertEquals(Admission.ADDRESS_REFUSED,
                admitRoot(policy("enable", "true", "token", "tk"), "192.0.2.7", "192.0.2.2", "Bearer tk", List.of()));
    }
}
