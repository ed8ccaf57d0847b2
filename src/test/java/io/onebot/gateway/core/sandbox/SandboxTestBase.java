package io.onebot.gateway.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.action.ActionExecutor;
import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.bootstrap.CoreProducer;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.sandbox.action.GetLoginInfo;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.event.GenericEvent;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.OneBotEvent;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.WeldInitiator;
import org.junit.jupiter.api.BeforeEach;

/**
 * The Weld SE wiring and the calls and checks shared by the sandbox's tests: the real core,
 * registry and dispatcher, an {@link EventRecorder} catching everything the core emits, and
 * settings made of the defaults plus what the subclass gives {@link #sandboxWith}. A subclass
 * declares {@code @WeldSetup WeldInitiator weld = sandboxWith(Map.of(...));}; each test starts
 * with nothing recorded.
 */
abstract class SandboxTestBase {

    @Inject
    ActionDispatcher dispatcher;

    @Inject
    ResponseEncoder encoder;

    @Inject
    SandboxCore core;

    @Inject
    EventRecorder recorder;

    /** The sandbox on account 10001 with these settings on top of the defaults. */
    static WeldInitiator sandboxWith(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("onebot.sandbox.selfId", "10001");
        GatewaySettings gateway = SettingsReader.read(all);
        return WeldInitiator.from(new Weld().disableDiscovery()
                        .addBeanClasses(EventRecorder.class, CoreProducer.class, SandboxCore.class, ActionRegistry.class,
                                ActionDispatcher.class, ActionExecutor.class, Deadlines.class, ResponseEncoder.class)
                        .addPackage(false, GetLoginInfo.class))
                .addBeans(MockBean.builder().types(GatewaySettings.class).creating(gateway).build(),
                        MockBean.builder().types(Settings.class).creating((Settings) () -> gateway).build())
                .build();
    }

    @BeforeEach
    void nothingRecordedYet() {
        recorder.events().clear();
    }

    ActionDispatcher dispatcher() {
        return dispatcher;
    }

    ResponseEncoder encoder() {
        return encoder;
    }

    SandboxCore sandbox() {
        return core;
    }

    List<OneBotEvent> events() {
        return recorder.events();
    }

    ActionResponse call(String action, String params, MessageFormat format) {
        return dispatcher().respond("{\"action\":\"" + action + "\",\"params\":" + params + "}",
                new ActionContext("t", format)).toCompletableFuture().join();
    }

    ActionResponse call(String action, String params) {
        return call(action, params, MessageFormat.ARRAY);
    }

    /** Calls an action that must succeed and returns its data as the client would read it. */
    JsonValue ok(String action, String params, MessageFormat format) {
        ActionResponse response = call(action, params, format);
        assertTrue(response.isOk(), action + " failed: " + response.message());
        return json(encoder().data(response.data()));
    }

    JsonValue ok(String action, String params) {
        return ok(action, params, MessageFormat.ARRAY);
    }

    /** Calls an action that must fail with the given retcode and returns the message. */
    String fails(int retcode, String action, String params) {
        ActionResponse response = call(action, params);
        assertEquals(retcode, response.retcode().code(), action + " " + params + ": " + response.message());
        return response.message();
    }

    static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    List<JsonObject> notices() {
        return events().stream().filter(GenericEvent.class::isInstance).map(e -> ((GenericEvent) e).body()).toList();
    }

    List<MessageEvent> messages() {
        return events().stream().filter(MessageEvent.class::isInstance).map(MessageEvent.class::cast).toList();
    }

    /** The only notice emitted so far; its common fields are checked. */
    JsonObject onlyNotice(String noticeType) {
        List<JsonObject> notices = notices();
        assertEquals(1, notices.size(), notices.toString());
        JsonObject notice = notices.get(0);
        assertEquals("notice", notice.getString("post_type"));
        assertEquals(noticeType, notice.getString("notice_type"));
        assertEquals(10001, notice.getJsonNumber("self_id").longValue());
        assertTrue(notice.getJsonNumber("time").longValue() > 1_600_000_000L, "time is Unix seconds");
        return notice;
    }

    /** Injects a message as if someone sent it, and returns its event as a client receives it (array form). */
    JsonObject receive(String event) {
        List<Integer> ids = sandbox().injector().orElseThrow().inject(List.of(json(event).asJsonObject()));
        JsonObject received = EventEncoder.toJson(sandbox().message(ids.get(0)), MessageFormat.ARRAY);
        events().clear();
        return received;
    }

    /** Sends a group message from the bot and returns its id. */
    int sendGroup(long groupId, String text) {
        return ok("send_group_msg", "{\"group_id\":" + groupId + ",\"message\":\"" + text + "\"}").asJsonObject()
                .getInt("message_id");
    }
}
