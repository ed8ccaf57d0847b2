package io.onebot.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bot framework that misbehaves on purpose, for the reverse connectors' fault tests: a raw
 * {@link ServerSocket} on the loopback interface, just enough HTTP and WebSocket (RFC 6455) to
 * play each part exactly. Each arriving connection takes the next {@link Flap} of the plan; once
 * the plan is used up, connections are served well: upgraded, read and kept open. The test can
 * also stop listening altogether and listen again on the same port.
 *
 * <p>Every connection runs on its own daemon thread named {@value #THREAD_PREFIX}..., which ends
 * with the connection; what the target saw is reported through queues read with timeouts.
 */
public final class FlappingTarget implements AutoCloseable {

    /** Thread names of the target start with this, so that leak checks can tell its threads apart. */
    public static final String THREAD_PREFIX = "flapping-target";

    /** How one connection is mistreated. */
    public enum Flap {
        /** Accepts TCP, reads the upgrade request and never answers it. */
        HANG,
        /** Answers the upgrade with HTTP 403. */
        REFUSE,
        /** Reads the upgrade request and resets the connection without a word. */
        RESET_BEFORE_UPGRADE,
        /** Upgrades, reads the first frame, then closes with a close frame (1000). */
        UPGRADE_THEN_CLOSE,
        /** Upgrades, reads the first frame, then resets the connection (TCP RST, no close frame). */
        UPGRADE_THEN_RESET
    }

    /**
     * One mistreated connection, once the target is done with it.
     *
     * @param flap          what was done
     * @param millis        for {@link Flap#HANG}, how long the socket hung before it was closed;
     *                      otherwise how long the part took
     * @param closedByClient for {@link Flap#HANG}, whether the client gave up and closed the socket
     *                      (rather than the target, told to {@link #releaseHung()})
     */
    public record Handled(Flap flap, long millis, boolean closedByClient) {
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] CLOSE_1000 = {(byte) 0x88, 2, 0x03, (byte) 0xe8};

    private final int port;
    private final Queue<Flap> plan = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Handled> handled = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> wellFrames = new LinkedBlockingQueue<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> live = ConcurrentHashMap.newKeySet();
    private final Set<Socket> hung = ConcurrentHashMap.newKeySet();
    private final Set<Socket> released = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile ServerSocket server;

    private FlappingTarget(int port) throws IOException {
        this.server = bind(port);
        this.port = server.getLocalPort();
        startAcceptor(server);
    }

    /** Listens on {@code port} of the loopback interface (0: a free port). */
    public static FlappingTarget listen(int port) throws IOException {
        return new FlappingTarget(port);
    }

    public int port() {
        return port;
    }

    /** Adds flaps for the next connections, in order. */
    public void plan(List<Flap> flaps) {
        plan.addAll(flaps);
    }

    /** Flaps planned and not yet taken by a connection. */
    public int planned() {
        return plan.size();
    }

    /** The next mistreated connection the target is done with, or null after {@code millis}. */
    public Handled nextHandled(long millis) throws InterruptedException {
        return handled.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The next text frame of the latest well-served connection, or null after {@code millis}. */
    public String nextFrame(long millis) throws InterruptedException {
        return wellFrames.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Well-served connections that are open now. */
    public int live() {
        return live.size();
    }

    /** Connections hanging in the handshake now. */
    public int hanging() {
        return hung.size();
    }

    /**
     * Closes the sockets hanging in the handshake, for a client whose runtime cannot abort a
     * handshake in flight and so keeps such a socket until the server closes it.
     */
    public void releaseHung() {
        for (Socket socket : hung) {
            released.add(socket);
            closeQuietly(socket);
        }
    }

    /** Accepted connections of any kind whose socket the target has not closed yet. */
    public int openSockets() {
        return open.size();
    }

    /** Connections accepted since the start. */
    public int accepted() {
        return accepted.get();
    }

    /** Threads of the target that are running: the acceptor while listening, and one per open connection. */
    public int threads() {
        return threads.get();
    }

    /** Closes every well-served connection with a close frame (1000), as a framework restarting would. */
    public void dropLive() {
        for (Socket socket : live) {
            try {
                OutputStream out = socket.getOutputStream();
                synchronized (socket) {
                    out.write(CLOSE_1000);
                    out.flush();
                }
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }
    }

    /** Stops listening: dials are refused until {@link #listenAgain()}; open connections stay. */
    public void stopListening() {
        closeQuietly(server);
    }

    /** Listens again on the same port. */
    public void listenAgain() throws IOException {
        server = bind(port);
        startAcceptor(server);
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return socket;
    }

    private void startAcceptor(ServerSocket listening) {
        spawn(THREAD_PREFIX + "-acceptor", () -> accept(listening));
    }

    private void spawn(String name, Runnable work) {
        threads.incrementAndGet();
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                threads.decrementAndGet();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.add(socket);
            Flap flap = plan.poll();
            spawn(THREAD_PREFIX + "-connection", () -> {
                try {
                    serve(socket, flap);
                } catch (IOException | RuntimeException e) {
                    // The client went away in the middle: the socket is closed below either way.
                } finally {
                    live.remove(socket);
                    closeQuietly(socket);
                    open.remove(socket);
                }
            });
        }
    }

    private void serve(Socket socket, Flap flap) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String key = readUpgradeRequest(in);
        if (flap == null) {
            serveWell(socket, in, out, key);
            return;
        }
        switch (flap) {
            case HANG -> {
                long asked = System.nanoTime();
                hung.add(socket);
                try {
                    while (in.read() >= 0) {
                        // Never answer; the client is expected to give up and close (or reset).
                    }
                } catch (IOException e) {
                    // Reset by the client, or closed under the read by releaseHung().
                } finally {
                    hung.remove(socket);
                }
                handled.add(new Handled(flap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked),
                        !released.remove(socket)));
                return;
            }
            case REFUSE -> {
                out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            case RESET_BEFORE_UPGRADE -> reset(socket);
            case UPGRADE_THEN_CLOSE -> {
                upgrade(out, key);
                readFrame(in);
                out.write(CLOSE_1000);
                out.flush();
                socket.shutdownOutput();
                while (in.read() >= 0) {
                    // Let the client answer the close and close its side first.
                }
            }
            case UPGRADE_THEN_RESET -> {
                upgrade(out, key);
                readFrame(in);
                reset(socket);
            }
            default -> throw new IllegalStateException(flap.toString());
        }
        handled.add(new Handled(flap, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), false));
    }

    private void serveWell(Socket socket, InputStream in, OutputStream out, String key) throws IOException {
        synchronized (socket) {
            upgrade(out, key);
        }
        wellFrames.clear(); // what an earlier connection sent (heartbeats, say) is not this one's
        live.add(socket);
        while (true) {
            Frame frame = readFrame(in);
            if (frame.opcode() == 0x8) {
                synchronized (socket) {
                    out.write(CLOSE_1000);
                    out.flush();
                }
                return;
            }
            if (frame.opcode() == 0x1) {
                wellFrames.add(new String(frame.payload(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Reads the request head and returns its {@code Sec-WebSocket-Key}. */
    private static String readUpgradeRequest(InputStream in) throws IOException {
        String key = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        return key;
    }

    private static void upgrade(OutputStream out, String key) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String accept(String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0);
        closeQuietly(socket);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed during the upgrade request");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** One client frame: its opcode and unmasked payload. */
    private record Frame(int opcode, byte[] payload) {
    }

    /** Reads one masked client frame, as RFC 6455 section 5.2 lays it out. */
    private static Frame readFrame(InputStream in) throws IOException {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
            throw new IOException("connection closed");
        }
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
        if (payload.length < length) {
            throw new IOException("connection closed within a frame");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return new Frame(first & 0x0f, payload);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed or reset: nothing left to release.
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(FlappingTarget::closeQuietly);
    }
}
