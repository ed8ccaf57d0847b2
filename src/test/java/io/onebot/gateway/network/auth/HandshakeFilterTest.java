package io.onebot.gateway.network.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.config.SettingsReader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The servlet filter refuses before the upgrade: a disabled entry, a client the host rule does
 * not serve, and with {@code authFailure=http} a bad token. Everything else passes through.
 */
class HandshakeFilterTest {

    private final AtomicInteger status = new AtomicInteger();
    private final AtomicBoolean passed = new AtomicBoolean();
    private final AtomicReference<String> message = new AtomicReference<>();

    private void filter(Map<String, String> settings, Map<String, String> headers, String remote, String query)
            throws Exception {
        filter(settings, headers, remote, query, "/", 3001);
    }

    private void filter(Map<String, String> settings, Map<String, String> headers, String remote, String query,
                        String uri, int localPort) throws Exception {
        filter(policy(settings), headers, remote, query, uri, localPort);
    }

    private static HandshakePolicy policy(Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>();
        settings.forEach((k, v) -> properties.put(k.startsWith("onebot.") ? k : "onebot.network.websocketServers.e." + k, v));
        return new HandshakePolicy(SettingsReader.read(properties));
    }

    private void filter(HandshakePolicy policy, Map<String, String> headers, String remote, String query, String uri,
                        int localPort) throws Exception {
        HandshakeFilter filter = new HandshakeFilter();
        filter.policy = policy;
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getRemoteAddr" -> remote;
                    case "getLocalAddr" -> "127.0.0.1";
                    case "getLocalPort" -> localPort;
                    case "getRequestURI" -> uri;
                    case "getParameterValues" -> query == null ? null : new String[] {query};
                    default -> null;
                });
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendError")) {
                        status.set((Integer) args[0]);
                        message.set(args.length > 1 ? (String) args[1] : null);
                    }
                    return null;
                });
        FilterChain chain = (req, res) -> passed.set(true);
        filter.doFilter(request, response, chain);
    }

    private static final Map<String, String> UPGRADE = Map.of("Upgrade", "websocket");

    @Test
    void aDisabledEntryIsRefusedWith403() throws Exception {
        filter(Map.of("enable", "false"), UPGRADE, "127.0.0.1", null);
        assertEquals(403, status.get());
        assertFalse(passed.get());
    }

    @Test
    void aClientTheHostDoesNotServeIsRefusedWith403() throws Exception {
        filter(Map.of("enable", "true"), UPGRADE, "192.0.2.7", null);
        assertEquals(403, status.get());
        assertFalse(passed.get());
    }

    @Test
    void inHttpModeAMissingTokenIs401AndAWrongOne403() throws Exception {
        Map<String, String> http = Map.of("enable", "true", "token", "tk", "authFailure", "http");
        filter(http, UPGRADE, "127.0.0.1", null);
        assertEquals(401, status.get());
        filter(http, Map.of("Upgrade", "websocket", "Authorization", "Bearer nope"), "127.0.0.1", null);
        assertEquals(403, status.get());
        assertFalse(passed.get());
        status.set(0);
        filter(http, UPGRADE, "127.0.0.1", "tk");
        assertEquals(0, status.get());
        assertTrue(passed.get());
    }

    @Test
    void inFrameModeTokenRefusalsAreLeftToTheEndpoint() throws Exception {
        filter(Map.of("enable", "true", "token", "tk"), UPGRADE, "127.0.0.1", null);
        assertEquals(0, status.get());
        assertTrue(passed.get());
    }

    private static final Map<String, String> TWO_PORTS = Map.of(
            "onebot.network.websocketServers.pub.enable", "true",
            "onebot.network.websocketServers.pub.host", "0.0.0.0",
            "onebot.network.websocketServers.pub.port", "3002",
            "onebot.network.websocketServers.pub.token", "tk",
            "onebot.network.websocketServers.local.enable", "true",
            "onebot.network.websocketServers.local.port", "3001");

    @Test
    void aHostHeaderNamingAnotherEntrysPortIsRefused() throws Exception {
        filter(TWO_PORTS, Map.of("Upgrade", "websocket", "Host", "gw:3001"), "192.0.2.7", null, "/", 3002);
        assertEquals(403, status.get(), "the open loopback entry is not reachable through the public port");
        assertFalse(passed.get());
    }

    @Test
    void theDialledPortsEntryIsChecked() throws Exception {
        filter(TWO_PORTS, Map.of("Upgrade", "websocket", "Host", "gw:3002"), "192.0.2.7", "tk", "/", 3002);
        assertTrue(passed.get(), "the public entry with its token");
    }

    @Test
    void percentEncodedPathsReachTheSameEntryAsTheRuntimeSees() throws Exception {
        Map<String, String> paths = Map.of(
                "onebot.network.websocketServers.root.enable", "true",
                "onebot.network.websocketServers.dash.enable", "true",
                "onebot.network.websocketServers.dash.path", "/dash",
                "onebot.network.websocketServers.dash.token", "tk",
                "onebot.network.websocketServers.dash.authFailure", "http");
        filter(paths, UPGRADE, "127.0.0.1", null, "/das%68", 3001);
        assertEquals(401, status.get(), "/das%68 is /dash, whose token is missing");
    }

    @Test
    void aFullEntryRefusesAnAdmissibleClientWith503UntilAPlaceIsFree() throws Exception {
        HandshakePolicy policy = policy(Map.of("enable", "true", "token", "tk", "authFailure", "http",
                "maxConnections", "1"));
        Target target = policy.target("/", 3001).orElseThrow();
        assertTrue(policy.occupy(target));

        filter(policy, UPGRADE, "127.0.0.1", "tk", "/", 3001);
        assertEquals(503, status.get());
        assertEquals("too many connections", message.get());
        assertFalse(passed.get());

        filter(policy, UPGRADE, "127.0.0.1", "wrong", "/", 3001);
        assertEquals(403, status.get(), "a bad token is refused for its token, full or not");

        policy.vacate("e");
        status.set(0);
        filter(policy, UPGRADE, "127.0.0.1", "tk", "/", 3001);
        assertEquals(0, status.get());
        assertTrue(passed.get(), "the place given back is free again");
    }

    @Test
    void requestsThatAreNotUpgradesPassUntouched() throws Exception {
        filter(Map.of("enable", "false"), Map.of(), "192.0.2.7", null);
        assertEquals(0, status.get());
        assertTrue(passed.get());
    }
}
