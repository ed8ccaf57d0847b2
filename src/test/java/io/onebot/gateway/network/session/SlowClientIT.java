package io.onebot.gateway.network.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.Gateway;
import io.onebot.gateway.testsupport.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that upgrades and then never reads, next to one that reads: the reader gets every
 * event, and the non-reader's queue is bounded — once more than its share waits, the gateway
 * closes it (with 1013, which reaches the client only if it ever reads that far; the gateway logs
 * it either way). Functional, not timed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientIT {

    private static final String TOKEN = "it-token";
    /**
     * 12 injections of 20 events of 256 Ki characters: 60 Mi characters, past the 32 Mi bound;
     * each body stays under the 10 MB that Undertow accepts by default.
     */
    private static final int BATCHES = 12;
    private static final int PER_BATCH = 20;
    private static final String BIG = "x".repeat(256 * 1024);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @Test
    void aClientThatDoesNotReadIsClosedWith1013AndTheOthersGetEverything() throws Exception {
        Gateway gateway = new Gateway("127.0.0.1", base);
        try (Socket silent = upgradeAndNeverRead(base.getPort());
             WsClient reader = WsClient.connect(gateway.ws("/"), Map.of("Authorization", "Bearer " + TOKEN))) {
            assertEquals("lifecycle", reader.next().getString("meta_event_type"));
            for (int batch = 0; batch < BATCHES; batch++) {
                JsonArrayBuilder events = Json.createArrayBuilder();
                for (int i = 0; i < PER_BATCH; i++) {
                    events.add(Json.createObjectBuilder().add("message_type", "private").add("user_id", 20001)
                            .add("message", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                                    .add("data", Json.createObjectBuilder().add("text", BIG + "#" + batch + "-" + i)))));
                }
                HttpResponse<String> injected = gateway.inject(events.build().toString(), "Bearer " + TOKEN);
                assertEquals(200, injected.statusCode(), injected.body());
            }

            Set<String> received = new HashSet<>();
            while (received.size() < BATCHES * PER_BATCH) {
                JsonObject event = reader.next(frame -> "message".equals(frame.getString("post_type", "")),
                        new java.util.ArrayList<>());
                String text = event.getJsonArray("message").getJsonObject(0).getJsonObject("data").getString("text");
                assertTrue(received.add(text.substring(BIG.length())), "no event twice");
            }

            int closed = closeCodeAtTheEnd(silent);
            assertTrue(closed != STILL_OPEN, "the non-reader was closed for not reading");
            assertTrue(closed == NO_CLOSE_FRAME || closed == 1013, "a close frame, when it gets through, says 1013: " + closed);
        }
    }

    /** Opens a socket with a small receive window, upgrades it, and reads nothing after the 101. */
    private static Socket upgradeAndNeverRead(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /?access_token=" + TOKEN + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during the upgrade: " + head);
            }
            head.write(b);
        }
        assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString());
        return socket;
    }

    private static final int STILL_OPEN = -1;
    private static final int NO_CLOSE_FRAME = 0;

    /**
     * Reads the server's frames (unmasked, RFC 6455 5.2) until a close frame, and returns its code;
     * {@link #NO_CLOSE_FRAME} when the server ended the connection without one getting through (it
     * waits behind the unread frames, so the server may give up on it), {@link #STILL_OPEN} when
     * the connection is still open after a minute.
     */
    private static int closeCodeAtTheEnd(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if ((first & 0x0f) == 0x8) {
                    return length >= 2 ? in.readUnsignedShort() : 1005;
                }
                in.skipNBytes(length);
            }
        } catch (EOFException | java.net.SocketException e) {
            return NO_CLOSE_FRAME;
        } catch (SocketTimeoutException e) {
            return STILL_OPEN;
        }
    }
}
