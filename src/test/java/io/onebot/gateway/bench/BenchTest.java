package io.onebot.gateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.network.server.AnyPath2Endpoint;
import io.onebot.gateway.network.server.AnyPath3Endpoint;
import io.onebot.gateway.network.server.AnyPathEndpoint;
import io.onebot.gateway.network.server.ApiEndpoint;
import io.onebot.gateway.network.server.UniversalEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.tyrus.server.Server;
import org.jboss.weld.junit5.EnableWeld;
import io.onebot.gateway.testsupport.GatewayStack;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool run once with tiny numbers against the real endpoints on an in-process Tyrus
 * server, with a small HTTP stand-in for {@code /sandbox/events} that hands the events to the
 * sandbox injector as the servlet does. It proves that every phase runs and yields complete
 * figures; it times nothing, so a slow machine cannot fail it.
 */
@EnableWeld
class BenchTest {

    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);

    /** A bench-like entry: no token, a heartbeat far longer than the run. */
    @ApplicationScoped
    static class BenchSettings implements Settings {
        private final GatewaySettings settings = SettingsReader.read(Map.of(
                "onebot.network.websocketServers.bench.enable", "true",
                "onebot.network.websocketServers.bench.heartInterval", "30000"));

        @Override
        public GatewaySettings current() {
            return settings;
        }

        @Produces
        GatewaySettings settings() {
            return settings;
        }
    }

    @WeldSetup
    WeldInitiator weld = GatewayStack.forward(BenchSettings.class, SCHEDULER);

    @Inject
    BotCore core;

    private Server server;
    private HttpServer injection;

    @BeforeEach
    void start() throws Exception {
        server = new Server("127.0.0.1", freePort(), "/", Map.of(), UniversalEndpoint.class, ApiEndpoint.class,
                AnyPathEndpoint.class, AnyPath2Endpoint.class, AnyPath3Endpoint.class);
        server.start();
        injection = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        injection.createContext("/sandbox/events", exchange -> {
            List<JsonObject> events;
            try (JsonReader reader = Json.createReader(exchange.getRequestBody())) {
                events = reader.readArray().getValuesAs(JsonObject.class);
            }
            core.injector().orElseThrow().inject(events);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        injection.start();
    }

    @AfterEach
    void stop() {
        injection.stop(0);
        server.stop();
    }

    @Test
    void everyPhaseRunsAndYieldsCompleteFigures(@TempDir Path dir) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.ofEntries(
                Map.entry("bench.url", "ws://127.0.0.1:" + server.getPort() + "/"),
                Map.entry("bench.inject", "http://127.0.0.1:" + injection.getAddress().getPort() + "/sandbox/events"),
                Map.entry("bench.pid", Long.toString(ProcessHandle.current().pid())),
                Map.entry("bench.repeat", "2"),
                Map.entry("bench.memory.conns", "20"),
                Map.entry("bench.memory.settleMs", "0"),
                Map.entry("bench.api.conns", "1,4"),
                Map.entry("bench.api.requests", "200"),
                Map.entry("bench.api.depth", "4"),
                Map.entry("bench.api.warmup", "50"),
                Map.entry("bench.fanout.clients", "1,10"),
                Map.entry("bench.fanout.events", "20"),
                Map.entry("bench.fanout.batch", "5"),
                Map.entry("bench.burst.clients", "30"),
                Map.entry("bench.burst.events", "10"),
                Map.entry("bench.slow.clients", "10"),
                Map.entry("bench.limitMs", "20000")));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Figures figures = new Bench(BenchOptions.from(properties::get),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);

        assertTrue(figures.notes().stream().noneMatch(note -> note.contains("missing") || note.contains("failed")
                || note.contains("dup")), figures.notes() + "\n" + output);
        for (String step : List.of("memory.step1.", "memory.step2.")) {
            assertTrue(figures.get(step + "rss_mib") > 0, output);
            assertTrue(figures.get(step + "heap_mib") > 0, "heap after GC of this JVM: " + output);
            assertEquals(0, figures.get(step + "failed"), output);
        }
        assertEquals(40, figures.get("memory.step2.conns"), output);
        for (String conns : List.of("1", "4")) {
            String row = "api." + conns + ".";
            assertEquals(200, figures.get(row + "answered"), output);
            assertEquals(0, figures.get(row + "errors"), output);
            assertTrue(figures.get(row + "req_per_s") > 0, output);
            assertTrue(figures.get(row + "p50_ms") > 0, output);
            assertTrue(figures.get(row + "p99_ms") >= figures.get(row + "p50_ms"), output);
            assertTrue(figures.get(row + "cpu_s_per_10k") >= 0, output);
        }
        assertDelivered(figures, "fanout.1.", 20, output);
        assertDelivered(figures, "fanout.10.", 200, output);
        assertDelivered(figures, "burst.", 300, output);
        assertEquals(30, figures.get("burst.exact_clients"), output);
        assertEquals(1, figures.get("burst.all_exactly_once"), output);
        assertDelivered(figures, "slow.without.", 200, output);
        assertDelivered(figures, "slow.with.", 200, output);
        assertTrue(figures.get("slow.p99_ratio") > 0, output);
        assertTrue(figures.get("slow.rss_after_close_mib") > 0, output);
        assertTrue(output.contains("(a) API round trips") && output.contains("(e) one non-reading client"), output);

        Path file = dir.resolve("figures.properties");
        figures.write(file);
        Figures reread = Figures.read(file);
        assertEquals(figures.names(), reread.names());
        assertEquals(200, reread.get("api.4.answered"));
        assertTrue(Files.readString(file).contains("burst.all_exactly_once=1"));
    }

    /** Tyrus reads port 0 as its fixed default port, which another build may be using. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertDelivered(Figures figures, String row, long deliveries, String output) {
        assertEquals(deliveries, figures.get(row + "delivered"), row + output);
        assertEquals(0, figures.get(row + "missing"), row + output);
        assertEquals(0, figures.get(row + "duplicates"), row + output);
        assertTrue(figures.get(row + "deliveries_per_s") > 0, row + output);
        assertTrue(figures.get(row + "p99_ms") >= figures.get(row + "p50_ms"), row + output);
    }
}
