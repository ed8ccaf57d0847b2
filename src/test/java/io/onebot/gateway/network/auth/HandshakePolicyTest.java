package io.onebot.gateway.network.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void withoutAnEntryNothingIsAdmitted() {
        assertEquals(Admission.NO_ENTRY, new HandshakePolicy(SettingsReader.read(Map.of()))
                .admit("127.0.0.1", "127.0.0.1", null, List.of()));
    }

    @Test
    void aDisabledEntryAdmitsNobody() {
        assertEquals(Admission.DISABLED, policy("enable", "false").admit("127.0.0.1", "127.0.0.1", null, List.of()));
        assertEquals(Admission.DISABLED, policy("enable", "false").admit(null, null, null, List.of()));
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
        assertEquals(expected, policy("enable", "true", "host", host).admit(remote, local, null, List.of()));
    }

    @Test
    void withoutAKnownAddressOnlyTheTokenIsChecked() {
        HandshakePolicy policy = policy("enable", "true", "token", "tk");
        assertEquals(Admission.TOKEN_MISSING, policy.admit(null, null, null, List.of()));
        assertEquals(Admission.TOKEN_WRONG, policy.admit(null, null, "Bearer no", List.of()));
        assertEquals(Admission.ACCEPTED, policy.admit(null, null, null, List.of("tk")));
    }

    @Test
    void theAddressIsCheckedBeforeTheToken() {
        assertEquals(Admission.ADDRESS_REFUSED,
                policy("enable", "true", "token", "tk").admit("192.0.2.7", "192.0.2.2", "Bearer tk", List.of()));
    }
}
