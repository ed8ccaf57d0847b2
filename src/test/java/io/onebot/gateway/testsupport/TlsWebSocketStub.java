package io.onebot.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A {@code wss://} bot framework with a self-signed certificate that no trust store knows
 * ({@code tls/self-signed.p12}, CN {@code untrusted.test}): just enough WebSocket to complete the
 * upgrade and read the first text frame, so a test can tell whether a client accepted the
 * certificate.
 */
public final class TlsWebSocketStub implements AutoCloseable {

    /** One completed upgrade: the request path, its headers (names in lower case) and the first frame. */
    public record Upgrade(String path, Map<String, String> headers, String firstFrame) {
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final SSLServerSocket server;
    private final BlockingQueue<Upgrade> upgrades = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> failures = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TlsWebSocketStub(int port) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = TlsWebSocketStub.class.getResourceAsStream("/tls/self-signed.p12")) {
            store.load(in, "test-only".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "test-only".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(port, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "tls-websocket-stub");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on a free port of the loopback interface. */
    public static TlsWebSocketStub start() throws Exception {
        return new TlsWebSocketStub(0);
    }

    /** Listens on {@code port} of the loopback interface. */
    public static TlsWebSocketStub start(int port) throws Exception {
        return new TlsWebSocketStub(port);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next completed upgrade, or null after {@code millis}. */
    public Upgrade nextUpgrade(long millis) throws InterruptedException {
        return upgrades.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next connection whose TLS handshake or upgrade failed, or null after {@code millis}. */
    public String nextFailure(long millis) throws InterruptedException {
        return failures.poll(millis, TimeUnit.MILLISECONDS);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread handler = new Thread(() -> serve((SSLSocket) socket), "tls-websocket-stub-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket socket) {
        try {
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            String[] requestLine = readLine(in).split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((headers.get("sec-websocket-key") + GUID).getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            upgrades.add(new Upgrade(requestLine[1], headers, readTextFrame(in)));
        } catch (Exception e) {
            failures.add(String.valueOf(e));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed during the upgrade");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** Reads one masked client frame, as RFC 6455 section 5.2 lays it out, and returns its text. */
    private static String readTextFrame(InputStream in) throws IOException {
        in.readNBytes(1);
        int second = in.read();
        long length = second & 0x7f;
        if (length == 126) {
            length = ((in.read() & 0xff) << 8) | (in.read() & 0xff);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (in.read() & 0xff);
            }
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
        byte[] payload = in.readNBytes((int) length);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
