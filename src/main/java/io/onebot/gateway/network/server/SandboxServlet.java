package io.onebot.gateway.network.server;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.codec.MalformedRequestException;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.CoreControl;
import io.onebot.gateway.core.EventInjector;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.network.auth.Verdict;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's HTTP control surface, for tests and for trying a bot by hand. Every route needs
 * the token of a forward entry (when any has one), as {@code Authorization: Bearer <token>}, and
 * answers JSON:
 * <ul>
 *   <li>{@code POST /sandbox/events}: one event object, or an array of them, completed and emitted
 *       as they are; answers {@code {"message_ids":[...]}} (null for events without a message);</li>
 *   <li>{@code POST /sandbox/messages}: a friend, stranger or member says something;</li>
 *   <li>{@code POST /sandbox/requests}: a friend request, a join request or an invitation;</li>
 *   <li>{@code POST /sandbox/notices}: a poke, a member joining or leaving, an upload, a new friend;</li>
 *   <li>{@code GET /sandbox/world}: the world as it is now, in the world file's layout;</li>
 *   <li>{@code POST /sandbox/reset}: the starting world again, every message forgotten.</li>
 * </ul>
 * The acting routes answer with the events they emitted. A body that is not acceptable gets 400
 * with the reason and changes nothing; an unknown route 404, a wrong method 405, a missing or
 * wrong token 401/403. With {@code onebot.sandbox.http=false}, or a core without a control
 * surface, every route answers 404.
 */
@WebServlet(urlPatterns = "/sandbox/*")
public class SandboxServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Bodies larger than this are refused unread. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** The routes, with the method each takes. */
    private static final Map<String, String> ROUTES = Map.of("/events", "POST", "/messages", "POST",
            "/requests", "POST", "/notices", "POST", "/reset", "POST", "/world", "GET");

    @Inject
    transient BotCore core;

    @Inject
    transient Settings settings;

    @Inject
    transient HandshakePolicy policy;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CoreControl> control = settings.current().sandbox().http() ? core.control() : Optional.empty();
        Optional<EventInjector> injector = control.isPresent() ? core.injector() : Optional.empty();
        if (control.isEmpty() || injector.isEmpty()) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, error("the sandbox control endpoint is off"));
            return;
        }
        Verdict verdict = policy.sandboxAccess(request.getHeader("Authorization"));
        if (verdict != Verdict.ACCEPTED) {
            answer(response, verdict == Verdict.MISSING ? HttpServletResponse.SC_UNAUTHORIZED
                    : HttpServletResponse.SC_FORBIDDEN, error("send the access token as Authorization: Bearer <token>"));
            return;
        }
        String route = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = ROUTES.get(route);
        if (method == null) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, error("no such sandbox route '" + route + "'; routes: "
                    + "POST /sandbox/events, /sandbox/messages, /sandbox/requests, /sandbox/notices, /sandbox/reset;"
                    + " GET /sandbox/world"));
            return;
        }
        if (!method.equals(request.getMethod())) {
            response.setHeader("Allow", method);
            answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, error(route + " takes " + method));
            return;
        }
        try {
            JsonObject answer = switch (route) {
                case "/world" -> control.get().world();
                case "/reset" -> control.get().reset();
                case "/events" -> messageIds(injector.get().inject(events(body(request))));
                case "/messages" -> control.get().say(object(body(request)));
                case "/requests" -> control.get().request(object(body(request)));
                default -> control.get().notice(object(body(request)));
            };
            answer(response, HttpServletResponse.SC_OK, answer);
        } catch (BodyTooLargeException e) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, error(e.getMessage()));
        } catch (MalformedRequestException | IllegalArgumentException e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, error(e.getMessage()));
        }
    }

    private static String body(HttpServletRequest request) throws IOException, BodyTooLargeException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonObject object(String body) throws MalformedRequestException {
        if (JsonText.parse(body) instanceof JsonObject object) {
            return object;
        }
        throw new MalformedRequestException("the body must be a JSON object");
    }

    private static JsonObject messageIds(List<Integer> ids) {
        JsonArrayBuilder idArray = Jsonp.createArrayBuilder();
        ids.forEach(id -> {
            if (id == null) {
                idArray.addNull();
            } else {
                idArray.add(id);
            }
        });
        return Jsonp.createObjectBuilder().add("message_ids", idArray).build();
    }

    /** A body over {@link #MAX_BODY_BYTES}. */
    private static final class BodyTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException() {
            super("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    private static List<JsonObject> events(String body) throws MalformedRequestException {
        JsonValue value = JsonText.parse(body);
        if (value instanceof JsonObject event) {
            return List.of(event);
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new MalformedRequestException("the body must be an event object or a non-empty array of them");
        }
        List<JsonObject> events = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject event)) {
                throw new MalformedRequestException("event[" + i + "] is not an object");
            }
            events.add(event);
        }
        return events;
    }

    private static JsonObject error(String reason) {
        return Jsonp.createObjectBuilder().add("error", reason).build();
    }

    private static void answer(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
