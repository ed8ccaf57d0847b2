package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.LogCapture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Reloading: a valid change replaces the settings as a whole, an invalid one changes nothing. */
class SettingsProducerTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(
            "onebot.network.websocketServers.a.enable", "true",
            "onebot.network.websocketServers.a.token", "one"));
    private final SettingsProducer producer = new SettingsProducer(() -> SettingsReader.read(properties));

    @Test
    void nothingChangedIsNoChange() {
        GatewaySettings first = producer.current();
        assertTrue(producer.reload().isEmpty());
        assertEquals(first, producer.current());
    }

    @Test
    void aValidChangeIsAppliedAndReported() {
        GatewaySettings first = producer.current();
        properties.put("onebot.network.websocketServers.a.token", "two");
        SettingsChange change = producer.reload().orElseThrow();
        assertEquals(first, change.previous());
        assertEquals("two", change.current().servers().get(0).token());
        assertEquals(change.current(), producer.current());
        assertFalse(change.needsRedeploy());
    }

    @Test
    void anInvalidChangeLeavesTheSettingsInForce() {
        GatewaySettings first = producer.current();
        properties.put("onebot.network.websocketServers.a.port", "not a port");
        assertTrue(producer.reload().isEmpty());
        assertEquals(first, producer.current());
    }

    @Test
    void coreAndSandboxChangesNeedARedeploy() {
        producer.current();
        properties.put("onebot.sandbox.nickname", "Renamed");
        assertTrue(producer.reload().orElseThrow().needsRedeploy());
    }

    @Test
    void theLoggedConfigurationMasksEveryToken() {
        String secret = "prod-zq7x-secret";
        properties.put("onebot.network.websocketServers.a.token", secret);
        properties.put("onebot.network.websocketClients.r.enable", "true");
        properties.put("onebot.network.websocketClients.r.token", secret + "-reverse");
        properties.put("onebot.network.websocketClients.r.url", "ws://bot:" + secret + "@127.0.0.1:9/x?access_token=" + secret);
        try (LogCapture log = LogCapture.start()) {
            producer.current();
            properties.put("onebot.network.websocketServers.a.token", secret + "-changed");
            assertTrue(producer.reload().isPresent());
            properties.put("onebot.network.websocketServers.a.port", "not a port");
            assertTrue(producer.reload().isEmpty(), "refused, and logged");

            List<String> configurations = log.messages(Level.INFO).stream()
                    .filter(line -> line.startsWith("OneBot gateway configuration")).toList();
            assertEquals(2, configurations.size(), configurations::toString);
            for (String line : configurations) {
                assertTrue(line.contains("websocketServers.a{") && line.contains("token=******"), line);
                assertTrue(line.contains("websocketClients.r{") && line.contains("url=ws://127.0.0.1:9/x?…"), line);
            }
            assertEquals(1, log.messages(Level.SEVERE).size());
            assertEquals(List.of(), log.everyText().stream().filter(text -> text.contains("zq7x")).toList());
        }
    }
}
