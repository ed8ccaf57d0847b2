package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.onebot.gateway.bootstrap.CoreProducer;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.CoreControl;
import io.onebot.gateway.core.sandbox.EventRecorder;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.action.GetLoginInfo;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.testsupport.BadValues;
import io.onebot.gateway.testsupport.FuzzRun;
import io.onebot.gateway.testsupport.LogCapture;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Generated bad bodies for every route of the sandbox's HTTP surface, through the real servlet
 * and the real sandbox core: each is answered 200 or 400 (never a 500, which is what an escaping
 * exception becomes), the answer is a JSON object and a 400 says why, and a refused body leaves
 * the world exactly as it was and emits nothing. A fifth of {@code fuzz.frames} bodies (2000 by
 * default), seeded like {@link FuzzRun}.
 */
@EnableWeld
class SandboxServletFuzzTest {

    private static final long SELF_ID = 779;
    private static final String BEARER = "Bearer fuzz-token";
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final List<String> ROUTES = List.of("/events", "/messages", "/requests", "/notices");

    /** The settings of this test, in place of the server's system properties. */
    @ApplicationScoped
    static class TestSettings implements Settings {
        private final GatewaySettings current = SettingsReader.read(Map.of(
                "onebot.sandbox.selfId", Long.toString(SELF_ID),
                "onebot.network.websocketServers.fuzz.enable", "true",
                "onebot.network.websocketServers.fuzz.token", "fuzz-token"));

        @Override
        public GatewaySettings current() {
            return current;
        }

        @Produces
        GatewaySettings settings() {
            return current;
        }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(new Weld().disableDiscovery()
                    .addBeanClasses(TestSettings.class, CoreProducer.class, SandboxCore.class, EventRecorder.class,
                            HandshakePolicy.class)
                    .addPackage(false, GetLoginInfo.class))
            .build();

    @Inject
    BotCore core;

    @Inject
    Settings settings;

    @Inject
    HandshakePolicy policy;

    @Inject
    EventRecorder recorder;

    /** A response as the client would read it. */
    private record Reply(int status, String body) {
    }

    @Test
    void badBodiesAre400AndChangeNothing() throws Exception {
        long seed = FuzzRun.seed();
        int total = FuzzRun.frames(10_000) / 5;
        BadValues values = new BadValues(seed, SELF_ID, true);
        SandboxServlet servlet = new SandboxServlet();
        servlet.core = core;
        servlet.settings = settings;
        servlet.policy = policy;
        CoreControl control = core.control().orElseThrow();
        Map<String, Integer> statuses = new TreeMap<>();
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < total; i++) {
                if (i % 100 == 0) {
                    assertEquals(200, call(servlet, "POST", "/reset", new byte[0]).status());
                }
                String route = values.pick(ROUTES);
                byte[] body = body(values, route);
                JsonObject before = control.world();
                recorder.events().clear();
                Reply reply = call(servlet, "POST", route, body);
                Supplier<String> about = () -> route + " " + abbreviate(new String(body, StandardCharsets.UTF_8))
                        + " (seed " + seed + ")";
                statuses.merge(route + " " + reply.status(), 1, Integer::sum);
                JsonObject answer = parse(reply, about);
                if (reply.status() == 400) {
                    assertTrue(answer.getString("error", "").length() > 5, () -> "a 400 without a reason: " + about.get());
                    assertEquals(before, control.world(), () -> "a refused body changed the world: " + about.get()
                            + " → " + reply.body());
                    assertEquals(List.of(), recorder.events(), () -> "a refused body emitted events: " + about.get());
                } else {
                    assertEquals(200, reply.status(), () -> "status " + reply.status() + " for " + about.get() + " → " + reply.body());
                    int answered = route.equals("/events") ? answer.getJsonArray("message_ids").size()
                            : answer.getJsonArray("events").size();
                    assertEquals(answered, recorder.events().size(), () -> "the answer tells of every event emitted: " + about.get());
                }
            }
            Reply tooLarge = call(servlet, "POST", "/events", new byte[16 * 1024 * 1024 + 1]);
            assertEquals(413, tooLarge.status(), tooLarge.body());
            System.out.println("SandboxServletFuzzTest: seed=" + seed + ", " + total + " bodies; statuses " + statuses);
            assertTrue(log.failures().isEmpty(), () -> "bad bodies logged as failures (seed " + seed + "):"
                    + log.describeFailures());
        }
        assertTrue(statuses.keySet().stream().anyMatch(s -> s.endsWith(" 200"))
                && statuses.keySet().stream().anyMatch(s -> s.endsWith(" 400")), () -> "both outcomes were seen: " + statuses);
    }

    /** Bodies each route accepts in the starting world, to be changed a little. */
    private static final Map<String, List<String>> GOOD = Map.of(
            "/messages", List.of("{\"user_id\":20001,\"message\":\"hi\"}",
                    "{\"user_id\":20001,\"group_id\":30001,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"x\"}}]}",
                    "{\"user_id\":20002,\"group_id\":30002,\"message\":\"[CQ:face,id=1] [CQ:at,qq=779]\",\"auto_escape\":false}"),
            "/requests", List.of("{\"request_type\":\"friend\",\"user_id\":40001,\"nickname\":\"Eve\",\"comment\":\"hi\"}",
                    "{\"request_type\":\"group\",\"sub_type\":\"add\",\"group_id\":30001,\"user_id\":40002,\"flag\":\"j1\"}",
                    "{\"request_type\":\"group\",\"sub_type\":\"invite\",\"group_id\":39999,\"user_id\":20001,\"group_name\":\"G\"}"),
            "/notices", List.of("{\"notice_type\":\"notify\",\"sub_type\":\"poke\",\"user_id\":20001}",
                    "{\"notice_type\":\"notify\",\"group_id\":30001,\"user_id\":20001,\"target_id\":20002}",
                    "{\"notice_type\":\"group_increase\",\"group_id\":30001,\"user_id\":40002,\"nickname\":\"New\"}",
                    "{\"notice_type\":\"group_decrease\",\"sub_type\":\"leave\",\"group_id\":30001,\"user_id\":20002}",
                    "{\"notice_type\":\"group_decrease\",\"sub_type\":\"kick\",\"group_id\":30001,\"user_id\":20004,"
                            + "\"operator_id\":779}",
                    "{\"notice_type\":\"group_upload\",\"group_id\":30001,\"user_id\":20001,\"file\":{\"name\":\"a.txt\",\"size\":12}}",
                    "{\"notice_type\":\"friend_add\",\"user_id\":40003}"),
            "/events", List.of("{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"x\"}",
                    "[{\"post_type\":\"notice\",\"notice_type\":\"friend_add\",\"user_id\":20009},"
                            + "{\"message_type\":\"group\",\"group_id\":30002,\"user_id\":20003,\"raw_message\":\"two\"}]",
                    "{\"post_type\":\"request\",\"request_type\":\"friend\",\"user_id\":40001,\"flag\":\"f\"}",
                    "{\"post_type\":\"meta_event\",\"meta_event_type\":\"heartbeat\",\"interval\":1000}"));

    /**
     * A body for the route: a good one changed in one or two places, the route's fields with
     * odd values, or broken text.
     */
    private static byte[] body(BadValues values, String route) {
        String good = values.pick(GOOD.get(route));
        JsonValue structured = switch (values.nextInt(4)) {
            case 0 -> route.equals("/events") && values.nextBoolean() ? events(values) : fields(values, route);
            case 1 -> WsClient.parse("{\"a\":" + good + "}").get("a");
            default -> {
                JsonValue changed = WsClient.parse("{\"a\":" + good + "}").get("a");
                for (int i = values.nextInt(2); i >= 0; i--) {
                    changed = values.reshape(changed);
                }
                yield changed;
            }
        };
        String text = structured.toString();
        return switch (values.nextInt(12)) {
            case 0 -> values.mutate(good).getBytes(StandardCharsets.UTF_8);
            case 1 -> good.substring(0, values.nextInt(good.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> values.breakUtf8(good);
            case 3 -> values.deeplyNested().getBytes(StandardCharsets.UTF_8);
            case 4 -> values.nextBoolean() ? values.junkText(300).getBytes(StandardCharsets.UTF_8) : values.junkBytes(300);
            case 5 -> values.anyValue().toString().getBytes(StandardCharsets.UTF_8);
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static JsonValue events(BadValues values) {
        JsonArrayBuilder events = JSON.createArrayBuilder();
        for (int i = values.nextInt(4); i > 0; i--) {
            events.add(values.nextInt(5) == 0 ? values.anyValue() : fields(values, "/events"));
        }
        return events.build();
    }

    private static JsonObject fields(BadValues values, String route) {
        JsonObjectBuilder body = JSON.createObjectBuilder();
        Map<String, List<String>> words = switch (route) {
            case "/events" -> Map.of("post_type", List.of("message", "message_sent", "notice", "request", "meta_event", "x"),
                    "message_type", List.of("private", "group", "x"), "sub_type", List.of("friend", "normal", "add",
                            "invite", "poke", "x"), "notice_type", List.of("friend_add", "group_increase", "notify", "x"),
                    "request_type", List.of("friend", "group", "x"), "flag", List.of("f1", ""));
            case "/messages" -> Map.of();
            case "/requests" -> Map.of("request_type", List.of("friend", "group", "x"), "sub_type", List.of("add",
                    "invite", "x"), "flag", List.of("f1", ""), "nickname", List.of("N"), "comment", List.of("hi"),
                    "group_name", List.of("G", ""));
            default -> Map.of("notice_type", List.of("notify", "group_increase", "group_decrease", "group_upload",
                    "friend_add", "x"), "sub_type", List.of("poke", "approve", "invite", "leave", "kick", "kick_me", "x"),
                    "nickname", List.of("N"));
        };
        words.forEach((key, choices) -> {
            if (values.nextInt(4) != 0) {
                body.add(key, values.nextInt(6) == 0 ? values.anyValue() : JSON.createValue(values.pick(choices)));
            }
        });
        for (String id : List.of("user_id", "group_id", "target_id", "operator_id")) {
            if (values.nextInt(3) != 0) {
                body.add(id, values.nextInt(5) == 0 ? values.anyValue() : JSON.createValue(values.plausibleId()));
            }
        }
        if (values.nextInt(3) != 0) {
            body.add(values.nextBoolean() ? "message" : "raw_message", values.anyMessage());
        }
        if (values.nextInt(4) == 0) {
            body.add("auto_escape", values.anyValue());
        }
        if (route.equals("/notices") && values.nextBoolean()) {
            body.add("file", values.nextInt(3) == 0 ? values.anyValue() : JSON.createObjectBuilder()
                    .add("name", values.nextBoolean() ? JSON.createValue("a.txt") : values.anyValue())
                    .add("size", values.nextBoolean() ? JSON.createValue(12) : values.anyValue()).build());
        }
        return body.build();
    }

    private static Reply call(SandboxServlet servlet, String method, String route, byte[] body) throws Exception {
        ServletInputStream input = new ServletInputStream() {
            private final ByteArrayInputStream bytes = new ByteArrayInputStream(body);

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SandboxServletFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? BEARER : null;
                    case "getPathInfo" -> route;
                    case "getMethod" -> method;
                    case "getContentLengthLong" -> (long) body.length;
                    case "getContentLength" -> body.length;
                    case "getInputStream" -> input;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        int[] status = {0};
        StringWriter written = new StringWriter();
        PrintWriter writer = new PrintWriter(written);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SandboxServletFuzzTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status[0] = (Integer) args[0];
                        yield null;
                    }
                    case "getWriter" -> writer;
                    case "setContentType", "setCharacterEncoding", "setHeader" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        try {
            servlet.service(request, response);
        } catch (RuntimeException e) {
            fail("an exception escaped the servlet, which the container answers with 500: " + route + " "
                    + abbreviate(new String(body, StandardCharsets.UTF_8)), e);
        }
        writer.flush();
        return new Reply(status[0], written.toString());
    }

    private static JsonObject parse(Reply reply, Supplier<String> about) {
        try {
            return WsClient.parse(reply.body());
        } catch (RuntimeException e) {
            return fail("the answer is not a JSON object: " + about.get() + " → " + reply.body(), e);
        }
    }

    private static String abbreviate(String text) {
        return BadValues.printable(text, 300);
    }
}
