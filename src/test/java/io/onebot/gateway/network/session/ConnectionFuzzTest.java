package io.onebot.gateway.network.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.action.ActionExecutor;
import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.bootstrap.CoreProducer;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.config.Settings;
import io.onebot.gateway.config.SettingsReader;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.action.GetLoginInfo;
import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.testsupport.ActionShape;
import io.onebot.gateway.testsupport.BadFrames;
import io.onebot.gateway.testsupport.BadFrames.Kind;
import io.onebot.gateway.testsupport.FuzzRun;
import io.onebot.gateway.testsupport.LogCapture;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit.MockBean;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the real path a frame takes: {@link Connection#receive} on the text and the
 * binary side, the real dispatcher, registry and sandbox core from Weld SE, and a session double
 * whose asynchronous sends put each answer into a queue. Ten thousand generated frames by default
 * ({@code -Dfuzz.frames}, {@code -Dfuzz.seed}; see {@link FuzzRun}), spread over an array-format
 * and a string-format connection: every frame gets exactly one well-formed answer with an allowed
 * return code, valid calls between the junk keep being answered correctly, neither connection is
 * closed, and no client mistake is logged as a failure of the gateway.
 */
@EnableWeld
class ConnectionFuzzTest {

    private static final long SELF_ID = 10001;
    private static final GatewaySettings SETTINGS =
            SettingsReader.read(Map.of("onebot.sandbox.selfId", Long.toString(SELF_ID)));

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(new Weld().disableDiscovery()
                    .addBeanClasses(CoreProducer.class, SandboxCore.class, ActionRegistry.class, ActionDispatcher.class, ActionExecutor.class, Deadlines.class,
                            ResponseEncoder.class)
                    .addPackage(false, GetLoginInfo.class))
            .addBeans(MockBean.builder().types(GatewaySettings.class).creating(SETTINGS).build(),
                    MockBean.builder().types(Settings.class).creating((Settings) () -> SETTINGS).build())
            .build();

    @Inject
    ActionDispatcher dispatcher;

    @Inject
    BotCore core;

    /** A session whose sends complete at once and put each frame into a shared queue. */
    private static final class Peer {
        final List<CloseReason> closes = new CopyOnWriteArrayList<>();
        final Session session;

        Peer(BlockingQueue<String> answers) {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            answers.add((String) args[0]);
                            ((SendHandler) args[1]).onResult(new SendResult());
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> closes.isEmpty();
                        case "close" -> {
                            closes.add(args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "") : (CloseReason) args[0]);
                            yield null;
                        }
                        case "getId" -> "fuzz-peer";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fuzz-peer";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private Connection connection(Peer peer, MessageFormat format, AtomicInteger failures) {
        return new Connection(peer.session, new ConnectionOptions("fuzz", format, false, false), dispatcher,
                failed -> failures.incrementAndGet());
    }

    @Test
    void everyBadFrameGetsOneAnswerAndTheConnectionsKeepWorking() throws Exception {
        long seed = FuzzRun.seed();
        int total = FuzzRun.frames(10_000);
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Peer arrayPeer = new Peer(answers);
        Peer stringPeer = new Peer(answers);
        Connection[] connections = {connection(arrayPeer, MessageFormat.ARRAY, failures),
            connection(stringPeer, MessageFormat.STRING, failures)};
        AtomicInteger turn = new AtomicInteger();
        FuzzRun run = new FuzzRun(new FuzzRun.Wire() {
            @Override
            public void text(String frame) {
                connections[turn.getAndIncrement() % 2].receive(frame);
            }

            @Override
            public void binary(byte[] frame) {
                connections[turn.getAndIncrement() % 2].receive(ByteBuffer.wrap(frame));
            }

            @Override
            public String answer(Duration wait) throws InterruptedException {
                return answers.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
        List<ActionShape> shapes = ActionShape.of(core.actions());
        assertEquals(shapes, ActionShape.ofSandboxClasses(), "the in-container test derives the same actions from the classes");
        BadFrames frames = new BadFrames(seed, SELF_ID, shapes, true);

        try (LogCapture log = LogCapture.start()) {
            run.run(frames, seed, total, 50, FuzzRun.weights());
            run.assertNothingMore();
            System.out.println("ConnectionFuzzTest: " + run.report(seed));
            assertTrue(log.failures().isEmpty(), () -> "client mistakes logged as failures (seed " + seed + "):"
                    + log.describeFailures());
        }
        assertEquals(total, run.frames());
        assertTrue(arrayPeer.closes.isEmpty() && stringPeer.closes.isEmpty(), () -> "a connection was closed: "
                + arrayPeer.closes + stringPeer.closes);
        assertEquals(0, failures.get(), "no connection was given up");
        if (total >= 10_000) {
            for (Kind kind : FuzzRun.weights().keySet()) {
                assertTrue(run.byKind().getOrDefault(kind, 0) >= 20, () -> kind + " was tried too rarely: " + run.byKind());
            }
        }
    }

    @Test
    void framesOverFiftyMebibytesClose1009UnansweredAndAFrameAtTheLimitIsAnswered() throws Exception {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        try (LogCapture log = LogCapture.start()) {
            Peer atLimit = new Peer(answers);
            char[] junk = new char[Connection.MAX_MESSAGE_BYTES];
            Arrays.fill(junk, 'x');
            connection(atLimit, MessageFormat.ARRAY, new AtomicInteger()).receive(new String(junk));
            String answer = answers.poll(FuzzRun.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(answer, "a frame of exactly 50 MiB is answered");
            assertEquals(1400, WsClient.parse(answer).getInt("retcode"));
            assertTrue(atLimit.closes.isEmpty());

            Peer text = new Peer(answers);
            connection(text, MessageFormat.ARRAY, new AtomicInteger()).receive(
                    "令".repeat(Connection.MAX_MESSAGE_BYTES / 3 + 1));
            assertEquals(List.of(1009), text.closes.stream().map(c -> c.getCloseCode().getCode()).toList(),
                    "a text frame over 50 MiB in UTF-8 closes with 1009");

            Peer binary = new Peer(answers);
            byte[] bytes = "{\"action\":\"get_status\"}".getBytes(StandardCharsets.UTF_8);
            ByteBuffer big = ByteBuffer.allocate(Connection.MAX_MESSAGE_BYTES + 1);
            big.put(bytes).position(0);
            connection(binary, MessageFormat.ARRAY, new AtomicInteger()).receive(big);
            assertEquals(List.of(1009), binary.closes.stream().map(c -> c.getCloseCode().getCode()).toList(),
                    "a binary frame over 50 MiB closes with 1009");

            assertNull(answers.poll(300, TimeUnit.MILLISECONDS), "an oversized frame is not answered");
            assertTrue(log.failures().isEmpty(), log::describeFailures);
        }
    }
}
