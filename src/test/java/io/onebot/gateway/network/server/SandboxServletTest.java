package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.CoreControl;
import io.onebot.gateway.core.EventInjector;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.BotStatus;
import jakarta.json.JsonObject;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's HTTP routes are served only when {@code onebot.sandbox.http} is on and the core
 * has a control surface; otherwise every route answers 404, whatever the token, and nothing
 * reaches the core. When served, the token of any forward entry opens them.
 */
class SandboxServletTest {

    /** Every route with its method, and one wrong method and one unknown route. */
    private static final List<String[]> REQUESTS = List.of(
            new String[] {"POST", "/events"}, new String[] {"POST", "/messages"}, new String[] {"POST", "/requests"},
            new String[] {"POST", "/notices"}, new String[] {"POST", "/reset"}, new String[] {"GET", "/world"},
            new String[] {"GET", "/messages"}, new String[] {"POST", "/nothing"});

    private final List<String> reachedTheCore = new ArrayList<>();

    private SandboxServlet servlet(boolean withControl, String... settings) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        GatewaySettings read = SettingsReader.read(properties);
        SandboxServlet servlet = new SandboxServlet();
        servlet.settings = () -> read;
        servlet.policy = new HandshakePolicy(read);
        servlet.core = core(withControl);
        return servlet;
    }

    private record Answer(int status, String body) {
    }

    private static Answer call(SandboxServlet servlet, String method, String route, String authorization)
            throws Exception {
        byte[] body = "{\"user_id\":20001,\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        ServletInputStream input = new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

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
        };
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SandboxServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getPathInfo" -> route;
                    case "getMethod" -> method;
                    case "getContentLengthLong" -> (long) body.length;
                    case "getInputStream" -> input;
                    default -> null;
                });
        AtomicInteger status = new AtomicInteger();
        StringWriter written = new StringWriter();
        PrintWriter writer = new PrintWriter(written);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                SandboxServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("setStatus")) {
                        status.set((Integer) args[0]);
                    }
                    return m.getName().equals("getWriter") ? writer : null;
                });
        servlet.service(request, response);
        writer.flush();
        return new Answer(status.get(), written.toString());
    }

    @Test
    void sandboxHttpFalseSwitchesEveryRouteOffWhateverTheToken() throws Exception {
        SandboxServlet servlet = servlet(true, "onebot.sandbox.http", "false",
                "onebot.network.websocketServers.a.token", "ta");
        for (String[] request : REQUESTS) {
            for (String authorization : new String[] {"Bearer ta", null, "Bearer wrong"}) {
                Answer answer = call(servlet, request[0], request[1], authorization);
                assertEquals(404, answer.status(), request[0] + " " + request[1] + " with " + authorization);
                assertEquals("{\"error\":\"the sandbox control endpoint is off\"}", answer.body());
            }
        }
        assertEquals(List.of(), reachedTheCore);
    }

    @Test
    void aCoreWithoutAControlSurfaceHasNoRoutes() throws Exception {
        SandboxServlet servlet = servlet(false, "onebot.network.websocketServers.a.token", "ta");
        for (String[] request : REQUESTS) {
            assertEquals(404, call(servlet, request[0], request[1], "Bearer ta").status(), request[0] + " " + request[1]);
        }
        assertEquals(List.of(), reachedTheCore);
    }

    @Test
    void whenServedTheTokenOfAnyEntryOpensTheRoutes() throws Exception {
        SandboxServlet servlet = servlet(true,
                "onebot.network.websocketServers.a.token", "ta",
                "onebot.network.websocketServers.b.path", "/b",
                "onebot.network.websocketServers.b.token", "tb");
        assertEquals(401, call(servlet, "GET", "/world", null).status());
        assertEquals(403, call(servlet, "GET", "/world", "Bearer tc").status());
        assertEquals(List.of(), reachedTheCore, "a refused call reaches nothing");
        assertEquals(200, call(servlet, "GET", "/world", "Bearer tb").status());
        assertEquals(200, call(servlet, "POST", "/messages", "Bearer ta").status());
        assertEquals(List.of("world", "say"), reachedTheCore);
    }

    private BotCore core(boolean withControl) {
        JsonObject empty = Jsonp.createObjectBuilder().build();
        CoreControl control = new CoreControl() {
            @Override
            public JsonObject say(JsonObject body) {
                reachedTheCore.add("say");
                return empty;
            }

            @Override
            public JsonObject request(JsonObject body) {
                reachedTheCore.add("request");
                return empty;
            }

            @Override
            public JsonObject notice(JsonObject body) {
                reachedTheCore.add("notice");
                return empty;
            }

            @Override
            public JsonObject world() {
                reachedTheCore.add("world");
                return empty;
            }

            @Override
            public JsonObject reset() {
                reachedTheCore.add("reset");
                return empty;
            }
        };
        EventInjector injector = events -> {
            reachedTheCore.add("inject");
            return List.of();
        };
        return new BotCore() {
            @Override
            public long selfId() {
                return 1;
            }

            @Override
            public String nickname() {
                return "core";
            }

            @Override
            public BotStatus status() {
                return new BotStatus(true, true);
            }

            @Override
            public Collection<ActionHandler<?, ?>> actions() {
                return List.of();
            }

            @Override
            public Optional<EventInjector> injector() {
                return withControl ? Optional.of(injector) : Optional.empty();
            }

            @Override
            public Optional<CoreControl> control() {
                return withControl ? Optional.of(control) : Optional.empty();
            }
        };
    }
}
