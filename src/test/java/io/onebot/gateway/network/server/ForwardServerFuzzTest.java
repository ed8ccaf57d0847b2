package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.testsupport.GatewayStack;
import io.onebot.gateway.testsupport.ActionShape;
import io.onebot.gateway.testsupport.BadFrames;
import io.onebot.gateway.testsupport.FuzzRun;
import io.onebot.gateway.testsupport.LogCapture;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.tyrus.server.Server;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A slice of the generated bad frames over a real socket: the real endpoints on an in-process
 * Tyrus server, wired by Weld SE, and one client connection on {@code /api}. A tenth of
 * {@code fuzz.frames} (1000 by default), text and binary, with the seed of {@link FuzzRun}: each
 * frame is answered once over the wire, the valid calls among them correctly, the socket stays
 * open, and nothing the client did wrong is logged as a failure.
 */
@EnableWeld
class ForwardServerFuzzTest {

    private static final long SELF_ID = 778;
    private static final String TOKEN = "fuzz-token";

    /** The settings of this test, in place of the server's system properties. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        private final GatewaySettings current = SettingsReader.read(Map.of(
                "onebot.sandbox.selfId", Long.toString(SELF_ID),
                "onebot.network.websocketServers.fuzz.enable", "true",
                "onebot.network.websocketServers.fuzz.token", TOKEN));

        @Override
        public GatewaySettings current() {
            return current;
        }

        @Produces
        GatewaySettings settings() {
            return current;
        }
    }

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @WeldSetup
    WeldInitiator weld = GatewayStack.forward(TestSettings.class, scheduler);

    @Inject
    BotCore core;

    private Server server;

    @BeforeEach
    void start() throws Exception {
        server = new Server("127.0.0.1", 0, "/", Map.of(), ApiEndpoint.class);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        scheduler.shutdownNow();
    }

    @Test
    void badFramesOverTheWireAreEachAnsweredOnceAndTheSocketStaysOpen() throws Exception {
        long seed = FuzzRun.seed();
        int total = FuzzRun.frames(10_000) / 10;
        BadFrames frames = new BadFrames(seed, SELF_ID, ActionShape.of(core.actions()), false);
        URI api = URI.create("ws://127.0.0.1:" + server.getPort() + "/api");
        try (LogCapture log = LogCapture.start();
             WsClient client = WsClient.connect(api, Map.of("Authorization", "Bearer " + TOKEN))) {
            FuzzRun run = new FuzzRun(new FuzzRun.Wire() {
                @Override
                public void text(String frame) {
                    client.send(frame);
                }

                @Override
                public void binary(byte[] frame) throws Exception {
                    client.sendBinary(frame);
                }

                @Override
                public String answer(Duration wait) throws InterruptedException {
                    return client.poll(wait);
                }
            });
            run.run(frames, seed, total, 50, FuzzRun.weights());
            run.batch(List.of(frames.valid()));
            run.assertNothingMore();
            System.out.println("ForwardServerFuzzTest: " + run.report(seed));
            assertTrue(client.isOpen(), "the socket is still open");
            assertTrue(log.failures().isEmpty(), () -> "client mistakes logged as failures (seed " + seed + "):"
                    + log.describeFailures());
        }
    }
}
