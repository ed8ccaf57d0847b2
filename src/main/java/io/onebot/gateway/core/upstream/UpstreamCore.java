package io.onebot.gateway.core.upstream;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.codec.MalformedRequestException;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.core.AccountIdentified;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.ActionRelay;
import io.onebot.gateway.core.ActionTimeoutException;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.CoreUnavailableException;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.action.ActionRequest;
import io.onebot.gateway.protocol.event.BotStatus;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The account of a real OneBot 11 implementation, reached through its forward WebSocket.
 *
 * <p>Calls: every API call of every client is sent upstream under an echo of the gateway's own,
 * unique among all calls in flight, and the upstream's answer goes back to the client that asked
 * with that client's echo (of any JSON type) and, for the answers that carry messages, the
 * client's message format; nothing else in the answer is touched. No answer within
 * {@code onebot.upstream.timeout} fails the call with 1504; without a connection it fails at once
 * with 1503, and so do the calls in flight when the connection drops.
 *
 * <p>Events: the upstream's events go to every client through the normal fan-out, which puts
 * their messages in each client's format. Its lifecycle and heartbeat events are not passed on:
 * clients get the gateway's own, whose status reflects the upstream connection and the upstream's
 * last heartbeat. The account's number and name come from the upstream's lifecycle and heartbeat
 * events and from {@code get_login_info}, asked on every connect; until then {@link #selfId} is 0.
 */
@ApplicationScoped
@Typed(UpstreamCore.class)
public class UpstreamCore implements BotCore, ActionRelay, UpstreamLink.Listener {

    /** The prefix of the echoes the gateway puts on relayed calls. */
    static final String ECHO_PREFIX = "onebot-gateway:";

    private static final Logger LOG = Logger.getLogger(UpstreamCore.class.getName());
    private static final BotStatus OFFLINE = new BotStatus(false, false);
    private static final BotStatus HEALTHY = new BotStatus(true, true);

    @Inject
    GatewaySettings settings;

    @Inject
    UpstreamLink link;

    @Inject
    Deadlines deadlines;

    @Inject
    Event<OneBotEvent> events;

    @Inject
    Event<AccountIdentified> identified;

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();
    private volatile long selfId;
    private volatile String nickname = "";
    private volatile BotStatus reported = HEALTHY;

    /** One call in flight: who waits, with which echo and format. */
    private record Call(CompletableFuture<JsonObject> answer, String action, JsonValue echo, MessageFormat format) {
    }

    @PostConstruct
    void start() {
        link.start(this);
    }

    @Override
    public long selfId() {
        return selfId;
    }

    @Override
    public String nickname() {
        return nickname;
    }

    @Override
    public BotStatus status() {
        return link.isConnected() ? reported : OFFLINE;
    }

    @Override
    public Collection<ActionHandler<?, ?>> actions() {
        return List.of();
    }

    @Override
    public Optional<ActionRelay> relay() {
        return Optional.of(this);
    }

    @Override
    public CompletionStage<JsonObject> forward(ActionRequest request, ActionContext context) {
        return call(request.action(), request.params(), request.echo(), context.messageFormat());
    }

    /** How many relayed calls wait for their answer. */
    public int callsInFlight() {
        return calls.size();
    }

    private CompletableFuture<JsonObject> call(String action, JsonObject params, JsonValue echo, MessageFormat format) {
        if (!link.isConnected()) {
            return CompletableFuture.failedFuture(new CoreUnavailableException(
                    "the upstream OneBot implementation is not connected; try again when it is back"));
        }
        String ownEcho = ECHO_PREFIX + sequence.incrementAndGet();
        Call call = new Call(new CompletableFuture<>(), action, echo, format);
        calls.put(ownEcho, call);
        call.answer().whenComplete((answer, failure) -> calls.remove(ownEcho));
        long millis = settings.upstream().timeout().toMillis();
        deadlines.bound(call.answer(), settings.upstream().timeout(),
                () -> new ActionTimeoutException("the upstream did not answer " + action + " within " + millis + " ms"),
                () -> LOG.warning(() -> "The upstream did not answer " + action + " within " + millis
                        + " ms (onebot.upstream.timeout); its caller was answered 1504"));
        String frame = Jsonp.createObjectBuilder()
                .add("action", action)
                .add("params", params)
                .add("echo", ownEcho)
                .build().toString();
        try {
            link.send(frame);
        } catch (IOException | RuntimeException e) {
            call.answer().completeExceptionally(new CoreUnavailableException(
                    "the upstream connection failed while sending " + action + ": " + e.getMessage()));
        }
        return call.answer();
    }

    @Override
    public void connected() {
        reported = HEALTHY;
        call("get_login_info", JsonValue.EMPTY_JSON_OBJECT, JsonValue.NULL, MessageFormat.ARRAY)
                .thenAccept(answer -> {
                    if (answer.get("data") instanceof JsonObject data) {
                        identify(data.get("user_id"), data.getString("nickname", null));
                    }
                });
    }

    @Override
    public void disconnected() {
        for (Call call : List.copyOf(calls.values())) {
            call.answer().completeExceptionally(new CoreUnavailableException(
                    "the upstream connection closed before " + call.action() + " was answered"));
        }
    }

    @Override
    public void received(String frame) {
        JsonObject object;
        try {
            if (!(JsonText.parse(frame) instanceof JsonObject parsed)) {
                LOG.fine("The upstream sent a frame that is not a JSON object; ignored");
                return;
            }
            object = parsed;
        } catch (MalformedRequestException e) {
            LOG.fine(() -> "The upstream sent a frame that is not JSON (" + e.getMessage() + "); ignored");
            return;
        }
        if (object.get("post_type") instanceof JsonString postType) {
            event(postType.getString(), object);
        } else {
            answer(object);
        }
    }

    private void answer(JsonObject answer) {
        Call call = answer.get("echo") instanceof JsonString echo ? calls.get(echo.getString()) : null;
        if (call == null) {
            LOG.fine(() -> "An upstream answer matches no call in flight (it may have timed out); ignored");
            return;
        }
        JsonValue data = answer.get("data");
        JsonValue converted = AnswerForms.data(call.action(), data, call.format());
        var out = Jsonp.createObjectBuilder(answer).add("echo", call.echo());
        if (converted != data) {
            out.add("data", converted);
        }
        call.answer().complete(out.build());
    }

    private void event(String postType, JsonObject body) {
        if ("meta_event".equals(postType)) {
            identify(body.get("self_id"), null);
            if (body.get("status") instanceof JsonObject status) {
                reported = new BotStatus(status.getBoolean("online", true), status.getBoolean("good", true));
            }
            return;
        }
        OneBotEvent event;
        try {
            event = new GenericEvent(body);
        } catch (IllegalArgumentException e) {
            LOG.fine(() -> "The upstream sent an event without numeric time and self_id; ignored");
            return;
        }
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Delivering an upstream " + postType + " event failed");
        }
    }

    private void identify(JsonValue id, String name) {
        if (!(id instanceof JsonNumber number) || number.longValue() <= 0) {
            return;
        }
        long account = number.longValue();
        boolean changed;
        synchronized (this) {
            changed = account != selfId || (name != null && !name.equals(nickname));
            selfId = account;
            if (name != null) {
                nickname = name;
            }
        }
        if (changed) {
            LOG.info(() -> "The upstream speaks for account " + account + (nickname.isEmpty() ? "" : " (" + nickname + ")"));
            identified.fire(new AccountIdentified(account, nickname));
        }
    }
}
