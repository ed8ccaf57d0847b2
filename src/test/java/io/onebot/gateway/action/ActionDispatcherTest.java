package io.onebot.gateway.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.ActionHandler;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.protocol.event.BotStatus;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down how the dispatcher turns every kind of frame into exactly one answer with the right retcode. */
class ActionDispatcherTest {

    record EchoParams(@Required String text, int times) {
    }

    /** Public, so that JSON-B can read it. */
    public record Echoed(String text, int times) {
    }

    /** A handler built from a name, a parameter type and a function. */
    record Handler<P extends Record, R>(String name, Class<P> paramsType, BiFunction<P, ActionContext, R> body)
            implements ActionHandler<P, R> {

        @Override
        public R handle(P params, ActionContext context) {
            return body.apply(params, context);
        }
    }

    /** A core with a fixed list of actions. */
    record FakeCore(List<ActionHandler<?, ?>> handlers) implements BotCore {

        @Override
        public long selfId() {
            return 10001L;
        }

        @Override
        public String nickname() {
            return "Fake";
        }

        @Override
        public BotStatus status() {
            return new BotStatus(true, true);
        }

        @Override
        public Collection<ActionHandler<?, ?>> actions() {
            return handlers;
        }
    }

    private static final ActionContext CONTEXT = new ActionContext("default", MessageFormat.ARRAY);

    private static final ActionHandler<EchoParams, Echoed> ECHO = new Handler<>("echo_text", EchoParams.class,
            (p, c) -> new Echoed(p.text(), p.times()));
    private static final ActionHandler<NoParams, Object> FAIL = new Handler<>("always_fail", NoParams.class,
            (p, c) -> {
                throw new ActionFailedException("消息不存在");
            });
    private static final ActionHandler<NoParams, Object> CRASH = new Handler<>("crash", NoParams.class,
            (p, c) -> {
                throw new IllegalStateException("bug");
            });

    /** Released by the test that hung it, so no worker stays blocked after the test. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final ActionHandler<NoParams, Object> hang = new Handler<>("hang", NoParams.class, (p, c) -> {
        try {
            release.await();
            return "released";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    });
    private final ActionHandler<NoParams, Object> overflow = new Handler<>("overflow", NoParams.class, (p, c) -> {
        throw new StackOverflowError();
    });

    private final ResponseEncoder encoder = new ResponseEncoder();
    private final FakeCore core = new FakeCore(List.of(ECHO, FAIL, CRASH, hang, overflow));
    private final ActionRegistry registry = new ActionRegistry(core);
    private final Deadlines deadlines = Deadlines.standalone();
    private final ActionExecutor executor = ActionExecutor.standalone(deadlines, Duration.ofMillis(TIMEOUT_MILLIS));
    private final ActionDispatcher dispatcher = new ActionDispatcher(core, registry, encoder, executor);

    private static final long TIMEOUT_MILLIS = 300;

    @AfterEach
    void stopWorkers() {
        release.countDown();
        executor.stop();
        deadlines.stop();
    }

    private JsonObject answer(String frame) {
        return parse(await(dispatcher.handle(frame, CONTEXT)));
    }

    private static <T> T await(CompletionStage<T> answer) {
        try {
            return answer.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer within 10 s", e);
        }
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void registryKnowsEveryAction() {
        assertEquals(Set.of("always_fail", "crash", "echo_text", "hang", "overflow"), registry.names());
    }

    @Test
    void anActionThatHangsIsAnswered1504AtItsDeadlineAndInterrupted() {
        long started = System.nanoTime();
        JsonObject answer = answer("{\"action\":\"hang\",\"echo\":{\"n\":1}}");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals("failed", answer.getString("status"));
        assertEquals(1504, answer.getInt("retcode"));
        assertEquals("hang did not finish within " + TIMEOUT_MILLIS + " ms", answer.getString("message"));
        assertEquals(json("{\"n\":1}"), answer.get("echo"));
        assertTrue(tookMillis >= TIMEOUT_MILLIS, "answered at the deadline, not before: " + tookMillis);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> executor.pending() == 0);
    }

    @Test
    void aHangingCallDoesNotHoldUpTheCallsAfterIt() {
        CompletionStage<String> hung = dispatcher.handle("{\"action\":\"hang\",\"echo\":\"slow\"}", CONTEXT);
        JsonObject fast = answer("{\"action\":\"echo_text\",\"params\":{\"text\":\"x\"},\"echo\":\"fast\"}");

        assertEquals("fast", fast.getString("echo"));
        assertFalse(hung.toCompletableFuture().isDone(), "the fast call was answered while the slow one still ran");
        assertEquals(1504, parse(await(hung)).getInt("retcode"));
    }

    @Test
    void anActionFinishingBeforeItsDeadlineLeavesNoDeadlineBehind() {
        answer("{\"action\":\"echo_text\",\"params\":{\"text\":\"x\"}}");

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> deadlines.pending() == 0);
    }

    @Test
    void anErrorThrownByAnActionIsAnswered1200() {
        JsonObject answer = answer("{\"action\":\"overflow\",\"echo\":3}");

        assertEquals(1200, answer.getInt("retcode"));
        assertEquals("internal error in overflow: StackOverflowError", answer.getString("message"));
        assertEquals(3, answer.getInt("echo"));
    }

    @Test
    void callsAfterTheApplicationStoppedAreAnswered1503() {
        executor.stop();

        JsonObject answer = answer("{\"action\":\"echo_text\",\"params\":{\"text\":\"x\"},\"echo\":\"late\"}");

        assertEquals(1503, answer.getInt("retcode"));
        assertEquals("the gateway is shutting down", answer.getString("message"));
    }

    @Test
    void successfulActionAnswersOkWithItsData() {
        JsonObject answer = answer("{\"action\":\"echo_text\",\"params\":{\"text\":\"hi\",\"times\":\"2\"},\"echo\":\"e1\"}");

        assertEquals("ok", answer.getString("status"));
        assertEquals(0, answer.getInt("retcode"));
        assertEquals(json("{\"text\":\"hi\",\"times\":2}"), answer.get("data"));
        assertEquals("", answer.getString("message"));
        assertEquals(Json.createValue("e1"), answer.get("echo"));
    }

    @Test
    void unknownActionAnswers1404NamingItWithTheEcho() {
        JsonObject answer = answer("{\"action\":\"no_such_api\",\"echo\":{\"n\":1}}");

        assertEquals("failed", answer.getString("status"));
        assertEquals(1404, answer.getInt("retcode"));
        assertEquals("不支持的API no_such_api", answer.getString("message"));
        assertEquals("不支持的API no_such_api", answer.getString("wording"));
        assertEquals(json("{\"n\":1}"), answer.get("echo"));
        assertEquals(JsonValue.NULL, answer.get("data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "", "{\"action\":", "[\"echo_text\"]", "42"})
    void unparsableFrameAnswers1400WithNapCatsMessageAndNullEcho(String frame) {
        JsonObject answer = answer(frame);

        assertEquals("failed", answer.getString("status"));
        assertEquals(1400, answer.getInt("retcode"));
        assertEquals("json解析失败,请检查数据格式", answer.getString("message"));
        assertEquals(JsonValue.NULL, answer.get("echo"));
    }

    @Test
    void malformedRequestObjectAnswers1400WithItsEcho() {
        JsonObject badParams = answer("{\"action\":\"echo_text\",\"params\":[],\"echo\":7}");
        JsonObject noAction = answer("{\"params\":{},\"echo\":8}");

        assertEquals(1400, badParams.getInt("retcode"));
        assertTrue(badParams.getString("message").contains("params"), badParams::toString);
        assertEquals(Json.createValue(7), badParams.get("echo"));
        assertEquals(1400, noAction.getInt("retcode"));
        assertTrue(noAction.getString("message").contains("action"), noAction::toString);
        assertEquals(Json.createValue(8), noAction.get("echo"));
    }

    @Test
    void badParameterAnswers1400NamingIt() {
        JsonObject missing = answer("{\"action\":\"echo_text\",\"params\":{},\"echo\":\"m\"}");
        JsonObject illTyped = answer("{\"action\":\"echo_text\",\"params\":{\"text\":\"x\",\"times\":\"many\"},\"echo\":\"t\"}");

        assertEquals(1400, missing.getInt("retcode"));
        assertTrue(missing.getString("message").contains("text"), missing::toString);
        assertEquals(Json.createValue("m"), missing.get("echo"));
        assertEquals(1400, illTyped.getInt("retcode"));
        assertTrue(illTyped.getString("message").contains("times"), illTyped::toString);
        assertEquals(Json.createValue("t"), illTyped.get("echo"));
    }

    @Test
    void failedActionAnswers1200WithItsMessage() {
        JsonObject answer = answer("{\"action\":\"always_fail\",\"echo\":3}");

        assertEquals("failed", answer.getString("status"));
        assertEquals(1200, answer.getInt("retcode"));
        assertEquals("消息不存在", answer.getString("message"));
        assertEquals(Json.createValue(3), answer.get("echo"));
    }

    @Test
    void unexpectedExceptionAnswers1200AndTheDispatcherKeepsWorking() {
        JsonObject crashed = answer("{\"action\":\"crash\",\"echo\":\"c\"}");
        JsonObject after = answer("{\"action\":\"echo_text\",\"params\":{\"text\":\"still here\"}}");

        assertEquals(1200, crashed.getInt("retcode"));
        assertEquals("failed", crashed.getString("status"));
        assertTrue(crashed.getString("message").contains("crash"), crashed::toString);
        assertEquals(Json.createValue("c"), crashed.get("echo"));
        assertEquals(0, after.getInt("retcode"));
        assertEquals("still here", after.getJsonObject("data").getString("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo_text_async", "echo_text_rate_limited"})
    void suffixedNamesRunTheAction(String name) {
        JsonObject answer = answer("{\"action\":\"" + name + "\",\"params\":{\"text\":\"s\"},\"echo\":1}");

        assertEquals("ok", answer.getString("status"));
        assertEquals(0, answer.getInt("retcode"));
        assertEquals("s", answer.getJsonObject("data").getString("text"));
    }

    @Test
    void suffixAloneIsNotAnAction() {
        assertEquals(1404, answer("{\"action\":\"_async\"}").getInt("retcode"));
        assertEquals(1404, answer("{\"action\":\"nothing_async\"}").getInt("retcode"));
    }

    @Test
    void json5RequestIsAnswered() {
        JsonObject answer = answer("{action:'echo_text', params:{text:'五', times:0x3,}, echo:'j5', // comment\n}");

        assertEquals(0, answer.getInt("retcode"));
        assertEquals(json("{\"text\":\"五\",\"times\":3}"), answer.get("data"));
        assertEquals(Json.createValue("j5"), answer.get("echo"));
    }

    @Test
    void twoHandlersWithOneNameAreRefused() {
        ActionHandler<NoParams, Object> other = new Handler<>("echo_text", NoParams.class, (p, c) -> null);
        FakeCore core = new FakeCore(List.of(ECHO, other));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ActionRegistry(core));
        assertTrue(e.getMessage().contains("echo_text"), e::getMessage);
    }
}
