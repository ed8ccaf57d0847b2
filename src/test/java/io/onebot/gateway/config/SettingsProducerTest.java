package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
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
}
