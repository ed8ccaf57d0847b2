package io.onebot.gateway.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A client that upgrades to WebSocket and then never reads a byte, with a small receive buffer:
 * what a frozen bot looks like to the server. It is a plain socket because a WebSocket client
 * library always reads.
 */
final class NonReadingClient implements AutoCloseable {

    private final Socket socket;

    private NonReadingClient(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the events route and sends the upgrade request; the answer is never read. */
    static NonReadingClient connect(URI url, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        int port = url.getPort() > 0 ? url.getPort() : 80;
        socket.connect(new InetSocketAddress(url.getHost(), port), 10_000);
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (!token.isEmpty()) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return new NonReadingClient(socket);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
