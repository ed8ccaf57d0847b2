package io.onebot.gateway.network.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.testsupport.TlsWebSocketStub;
import io.onebot.gateway.testsupport.TlsWebSocketStub.Upgrade;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code verifyCertificate} against a {@code wss://} framework whose self-signed certificate no
 * trust store knows, on the Tyrus client (the runtime Payara gives the WAR): {@code false}
 * connects and serves the connection, {@code true} (the default) refuses the certificate.
 */
@EnableWeld
class UncheckedTlsTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private static TlsWebSocketStub framework;

    /** The same wss:// framework dialled twice: once checking the certificate, once not. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        @Produces
        GatewaySettings settings() {
            return current();
        }

        @Override
        public GatewaySettings current() {
            String url = "wss://127.0.0.1:" + framework.port();
            return SettingsReader.read(Map.of(
                    "onebot.sandbox.selfId", "5150",
                    "onebot.network.websocketClients.lax.enable", "true",
                    "onebot.network.websocketClients.lax.url", url + "/lax",
                    "onebot.network.websocketClients.lax.verifyCertificate", "false",
                    "onebot.network.websocketClients.lax.token", "lax-token",
                    "onebot.network.websocketClients.lax.heartInterval", "0",
                    "onebot.network.websocketClients.strict.enable", "true",
                    "onebot.network.websocketClients.strict.url", url + "/strict",
                    "onebot.network.websocketClients.strict.reconnectInterval", "60000",
                    "onebot.network.websocketClients.strict.heartInterval", "0"));
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.reverse(TestSettings.class, SCHEDULER);

    @Inject
    ReverseConnections reverse;

    @BeforeAll
    static void listen() throws Exception {
        framework = TlsWebSocketStub.start();
    }

    @AfterAll
    static void stopListening() throws Exception {
        framework.close();
        SCHEDULER.shutdownNow();
    }

    @Test
    void onlyTheEntryThatSkipsTheCheckConnectsToAnUntrustedCertificate() throws Exception {
        reverse.start();

        Upgrade upgrade = framework.nextUpgrade(15_000);
        assertNotNull(upgrade, "verifyCertificate=false completes the TLS handshake and the upgrade");
        assertEquals("/lax", upgrade.path());
        assertEquals("5150", upgrade.headers().get("x-self-id"));
        assertEquals("Bearer lax-token", upgrade.headers().get("authorization"));
        assertEquals("lifecycle", WsClient.parse(upgrade.firstFrame()).getString("meta_event_type"));

        String refused = framework.nextFailure(15_000);
        assertNotNull(refused, "the checking entry's TLS handshake fails at the framework");
        List<String> paths = new ArrayList<>();
        for (Upgrade more = framework.nextUpgrade(500); more != null; more = framework.nextUpgrade(500)) {
            paths.add(more.path());
        }
        assertTrue(!paths.contains("/strict"), "the checking entry never got through: " + paths);
        reverse.stop();
    }
}
