package io.onebot.gateway.network.server;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.codec.MalformedRequestException;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.EventInjector;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.network.auth.Verdict;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import java.util.Optional;

/**
 * {@code POST /sandbox/events}: injects one event object, or a JSON array of them, into the
 * sandbox core, which completes and emits them in order. Answers 200 with
 * {@code {"message_ids":[...]}} (null for events without a message), 400 with a reason when the
 * body is not acceptable (nothing is emitted then), 401/403 when forward entries have tokens and
 * the request carries none of them, and 404 when the core has no injection facility or
 * {@code onebot.sandbox.http=false}.
 */
@WebServlet(urlPatterns = "/sandbox/events")
public class SandboxEventsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Bodies larger than this are refused unread. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    @Inject
    transient BotCore core;

    @Inject
    transient Settings settings;

    @Inject
    transient HandshakePolicy policy;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<EventInjector> injector = settings.current().sandbox().http() ? core.injector() : Optional.empty();
        if (injector.isEmpty()) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, error("the sandbox control endpoint is off"));
            return;
        }
        Verdict verdict = policy.sandboxAccess(request.getHeader("Authorization"));
        if (verdict != Verdict.ACCEPTED) {
            answer(response, verdict == Verdict.MISSING ? HttpServletResponse.SC_UNAUTHORIZED
                    : HttpServletResponse.SC_FORBIDDEN, error("send the access token as Authorization: Bearer <token>"));
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    error("the body is larger than " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        List<JsonObject> events;
        try {
            events = events(new String(request.getInputStream().readNBytes(MAX_BODY_BYTES + 1), StandardCharsets.UTF_8));
        } catch (MalformedRequestException e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, error(e.getMessage()));
            return;
        }
        List<Integer> ids;
        try {
            ids = injector.get().inject(events);
        } catch (IllegalArgumentException e) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, error(e.getMessage()));
            return;
        }
        JsonArrayBuilder idArray = Json.createArrayBuilder();
        ids.forEach(id -> {
            if (id == null) {
                idArray.addNull();
            } else {
                idArray.add(id);
            }
        });
        answer(response, HttpServletResponse.SC_OK, Json.createObjectBuilder().add("message_ids", idArray).build());
    }

    private static List<JsonObject> events(String body) throws MalformedRequestException {
        if (body.length() > MAX_BODY_BYTES) {
            throw new MalformedRequestException("the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
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
        return Json.createObjectBuilder().add("error", reason).build();
    }

    private static void answer(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.toString());
    }
}
