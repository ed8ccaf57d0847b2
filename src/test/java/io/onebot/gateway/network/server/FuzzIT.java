package io.onebot.gateway.network.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.ActionShape;
import io.onebot.gateway.testsupport.BadFrames;
import io.onebot.gateway.testsupport.BadFrames.Kind;
import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.FuzzRun;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.WsClient;
import java.net.URL;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated bad frames of the unit fuzzing over the wire, against the deployed gateway on the
 * {@code main} server (account 4242, token it-token): a few hundred frames of every kind, text and
 * binary (invalid UTF-8 among them), deep nesting, mebibyte echoes, odd action names, wrong
 * parameter types, interleaved with valid calls on the same socket. Every frame gets exactly one
 * answer, the valid calls are answered correctly, and the socket stays open. The path is
 * {@code /api}, which pushes no events, so that every frame that arrives is an answer. Seeded by
 * {@code -Dfuzz.seed} like the unit tests; {@code -Dfuzz.frames} sets the total (4200 by default).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FuzzIT {

    private static final long SELF_ID = 4242;
    private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer it-token");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    /** Every kind equally often, but only about thirty mebibyte echoes. */
    private static Map<Kind, Integer> weights() {
        Map<Kind, Integer> weights = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            weights.put(kind, 10);
        }
        weights.put(Kind.HUGE_ECHO, 1);
        return weights;
    }

    @Test
    void everyBadFrameIsAnsweredOnceAndTheSocketKeepsWorking() throws Exception {
        long seed = FuzzRun.seed();
        int total = FuzzRun.frames(4200);
        Gateway gateway = new Gateway("127.0.0.1", base);
        BadFrames frames = new BadFrames(seed, SELF_ID, ActionShape.ofSandboxClasses(), false);
        try (WsClient client = WsClient.connect(gateway.ws("/api"), AUTH)) {
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
            run.run(frames, seed, total, 50, weights());
            run.batch(List.of(frames.valid()));
            run.assertNothingMore();
            System.out.println("FuzzIT: " + run.report(seed));
            assertTrue(client.isOpen(), "the socket is still open");
            assertEquals(total + 1, run.frames());
            for (Kind kind : Kind.values()) {
                int sent = run.byKind().getOrDefault(kind, 0);
                assertTrue(total < 4200 || sent >= (kind == Kind.HUGE_ECHO ? 10 : 200),
                        () -> kind + " was tried too rarely: " + run.byKind());
            }
        }
    }
}
