package io.onebot.gateway.network.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.testsupport.LogCapture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reverse entry whose dials keep failing logs why, again and again, and never its token nor the
 * credentials in its URL, whatever the WebSocket client's messages quote.
 */
@EnableWeld
class ReverseFailureLogTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(2);
    private static final String SECRET = "rev-zq7x-secret";
    private static int closedPort;

    @ApplicationScoped
    static class TestSettings implements Settings {
        @Produces
        GatewaySettings settings() {
            return current();
        }

        @Override
        public GatewaySettings current() {
            return SettingsReader.read(Map.of(
                    "onebot.network.websocketClients.fw.enable", "true",
                    "onebot.network.websocketClients.fw.url",
                    "ws://bot:" + SECRET + "-pw@127.0.0.1:" + closedPort + "/onebot?access_token=" + SECRET + "-query",
                    "onebot.network.websocketClients.fw.token", SECRET,
                    "onebot.network.websocketClients.fw.reconnectInterval", "100",
                    "onebot.network.websocketClients.fw.debug", "true"));
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.reverse(TestSettings.class, SCHEDULER);

    @Inject
    ReverseConnections reverse;

    @BeforeAll
    static void findAClosedPort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
    }

    @AfterAll
    static void stopScheduler() {
        SCHEDULER.shutdownNow();
    }

    @Test
    void failedDialsAreLoggedWithoutTheEntrysSecrets() {
        try (LogCapture log = LogCapture.start()) {
            reverse.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> log.messages(Level.WARNING).stream()
                    .filter(line -> line.startsWith("[fw]") && line.contains("重新连接")).count() >= 3);
            reverse.stop();
            List<String> leaks = log.everyText().stream().filter(text -> text.contains("zq7x")).toList();
            assertEquals(List.of(), leaks.subList(0, Math.min(3, leaks.size())));
        }
    }
}
