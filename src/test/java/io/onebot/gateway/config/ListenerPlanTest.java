package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onebot.gateway.config.ListenerPlan.Listener;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ListenerPlanTest {

    private static GatewaySettings settings(String... pairs) {
        Map<String, String> properties = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(SettingsReader.SERVERS_PREFIX + pairs[i], pairs[i + 1]);
        }
        return SettingsReader.read(properties);
    }

    @Test
    void oneListenerPerPortOnTheEntrysHost() {
        List<Listener> plan = ListenerPlan.of(settings(
                "b.enable", "true", "b.host", "127.0.0.1", "b.port", "3002",
                "a.enable", "true", "a.host", "192.0.2.7", "a.port", "3001"));

        assertEquals(List.of(new Listener("192.0.2.7", 3001, List.of("a")),
                new Listener("127.0.0.1", 3002, List.of("b"))), plan);
    }

    @Test
    void entriesSharingAPortShareItsListenerAndItsHostWhenTheyAgree() {
        List<Listener> plan = ListenerPlan.of(settings(
                "a.enable", "true", "a.host", "127.0.0.1", "a.port", "3001",
                "b.enable", "true", "b.host", "127.0.0.1", "b.port", "3001", "b.path", "/b"));

        assertEquals(List.of(new Listener("127.0.0.1", 3001, List.of("a", "b"))), plan);
    }

    @Test
    void differentHostsOnOnePortBindEveryInterface() {
        List<Listener> plan = ListenerPlan.of(settings(
                "a.enable", "true", "a.host", "127.0.0.1", "a.port", "3001",
                "b.enable", "true", "b.host", "192.0.2.7", "b.port", "3001", "b.path", "/b"));

        assertEquals(List.of(new Listener(ListenerPlan.ALL_INTERFACES, 3001, List.of("a", "b"))), plan);
    }

    @Test
    void wildcardHostsBindEveryInterfaceAndIpv6LiteralsLoseTheirBrackets() {
        List<Listener> plan = ListenerPlan.of(settings(
                "a.enable", "true", "a.host", "::", "a.port", "3001",
                "b.enable", "true", "b.host", "[::1]", "b.port", "3002"));

        assertEquals(List.of(new Listener(ListenerPlan.ALL_INTERFACES, 3001, List.of("a")),
                new Listener("::1", 3002, List.of("b"))), plan);
    }

    @Test
    void disabledEntriesGetNoListener() {
        List<Listener> plan = ListenerPlan.of(settings(
                "a.enable", "false", "a.port", "3001",
                "b.enable", "true", "b.host", "127.0.0.1", "b.port", "3002"));

        assertEquals(List.of(new Listener("127.0.0.1", 3002, List.of("b"))), plan);
    }
}
