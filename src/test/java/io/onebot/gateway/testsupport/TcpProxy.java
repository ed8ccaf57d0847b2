package io.onebot.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a gateway under test and the server it dials, so that a test can make that
 * server go away ({@link #stop}: every connection cut, nothing listening), come back
 * ({@link #start}), or fall silent ({@link #pauseAnswers}: bytes towards the gateway are held back
 * until {@link #resumeAnswers}).
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean paused;
    private volatile ServerSocket listener;

    public TcpProxy(int port, InetSocketAddress target) {
        this.port = port;
        this.target = target;
    }

    /** Listens and relays; each connection gets two threads. */
    public synchronized void start() throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        Thread acceptor = new Thread(() -> accept(server), "proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                // closed by stop(), or the target refused: the gateway sees its connection cut
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsGateway) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (towardsGateway) {
                        awaitUnpaused();
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitUnpaused() throws InterruptedException {
        synchronized (gate) {
            while (paused) {
                gate.wait();
            }
        }
    }

    /** Holds back everything the server sends to the gateway. */
    public void pauseAnswers() {
        paused = true;
    }

    /** Lets held-back bytes through again. */
    public void resumeAnswers() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    /** Cuts every connection and stops listening, as a server that went down. */
    public synchronized void stop() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        resumeAnswers();
        stop();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
