package io.onebot.gateway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, for clients that behave badly on purpose: it sends its
 * text frames the moment a 101 arrives (and, if asked, also straight behind the upgrade request,
 * before any answer, which RFC 6455 forbids), and records every byte the server sends back: the
 * HTTP status, every frame after a 101 up to and including the close frame, or whatever follows a
 * refusal. A library client could not send that early, nor show what arrives after it gave up.
 */
public final class RawWebSocket {

    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;

    /** What the server sent to one connection. */
    public record Exchange(int status, String head, List<Frame> frames, CloseFrame close, End end, String rest) {

        /** The text frames, in order. */
        public List<String> texts() {
            return frames.stream().filter(f -> f.opcode() == OPCODE_TEXT).map(Frame::text).toList();
        }

        /** One line for an assertion message. */
        public String describe() {
            String firstLine = head.lines().findFirst().orElse("(no answer)");
            return firstLine + ", frames " + frames + ", close " + close + ", " + end
                    + (rest.isEmpty() ? "" : ", then " + rest.length() + " bytes: " + abbreviate(rest));
        }
    }

    /** A data or control frame other than close; continuation frames are joined to their message. */
    public record Frame(int opcode, String text) {
        @Override
        public String toString() {
            return opcode == OPCODE_TEXT ? abbreviate(text) : "opcode " + opcode + " (" + text.length() + " bytes)";
        }
    }

    /** The server's close frame. */
    public record CloseFrame(int code, String reason) {
    }

    /** How the exchange ended. */
    public enum End {
        /** The server sent a close frame (after a 101). */
        CLOSE_FRAME,
        /** The server closed the socket. */
        SOCKET_CLOSED,
        /** Nothing more came within the time allowed; the socket was still open. */
        STILL_OPEN
    }

    private RawWebSocket() {
    }

    /**
     * Connects, sends the upgrade request for {@code pathAndQuery} with the given headers and each
     * of {@code texts} as a masked text frame as soon as the server answers 101 (with
     * {@code beforeAnswer}, also straight behind the request); then records what comes back until
     * the server closes, or nothing more comes within {@code quiet}.
     */
    public static Exchange exchange(String host, int port, String pathAndQuery, Map<String, String> headers,
                                    List<String> texts, boolean beforeAnswer, Duration quiet) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout((int) quiet.toMillis());
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            for (String text : texts) {
                frames.writeBytes(maskedFrame(OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8)));
            }
            out.write(upgradeRequest(host, port, pathAndQuery, headers).getBytes(StandardCharsets.UTF_8));
            if (beforeAnswer) {
                out.write(frames.toByteArray());
            }
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String head;
            try {
                head = head(in);
            } catch (EOFException | SocketException e) {
                return new Exchange(0, "", List.of(), null, End.SOCKET_CLOSED, "");
            } catch (SocketTimeoutException e) {
                return new Exchange(0, "", List.of(), null, End.STILL_OPEN, "");
            }
            int status = status(head);
            if (status != 101) {
                Rest rest = rest(in);
                return new Exchange(status, head, List.of(), null, rest.end(), rest.text());
            }
            try {
                out.write(frames.toByteArray());
                out.flush();
            } catch (IOException e) {
                // Already closed by the server: what it sent is read below all the same.
            }
            return frames(status, head, in, out);
        }
    }

    private static String upgradeRequest(String host, int port, String pathAndQuery, Map<String, String> headers) {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        return request.append("\r\n").toString();
    }

    /** A client frame (RFC 6455 5.2): FIN, the opcode, the mask bit and key, the masked payload. */
    private static byte[] maskedFrame(int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            throw new IllegalArgumentException("frames over 64 KiB are not needed here");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    throw new EOFException("closed before answering");
                }
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int status(String head) {
        String[] parts = head.split(" ", 3);
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private record Rest(String text, End end) {
    }

    /** Everything after a refusal's head until the server closes or goes quiet. */
    private static Rest rest(InputStream in) throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                rest.write(buffer, 0, n);
            }
            return new Rest(rest.toString(StandardCharsets.ISO_8859_1), End.SOCKET_CLOSED);
        } catch (SocketException e) {
            return new Rest(rest.toString(StandardCharsets.ISO_8859_1), End.SOCKET_CLOSED);
        } catch (SocketTimeoutException e) {
            return new Rest(rest.toString(StandardCharsets.ISO_8859_1), End.STILL_OPEN);
        }
    }

    /** Reads server frames (unmasked) up to the close frame, which is answered. */
    private static Exchange frames(int status, String head, DataInputStream in, OutputStream out) throws IOException {
        List<Frame> frames = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = -1;
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
                byte[] payload = in.readNBytes((int) length);
                if (payload.length < length) {
                    throw new EOFException("frame cut short");
                }
                if (mask != null) {
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] ^= mask[i % 4];
                    }
                }
                int opcode = first & 0x0F;
                boolean fin = (first & 0x80) != 0;
                if (opcode == OPCODE_CLOSE) {
                    CloseFrame close = payload.length >= 2
                            ? new CloseFrame(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF),
                                    new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8))
                            : new CloseFrame(1005, "");
                    answerClose(out);
                    return new Exchange(status, head, frames, close, End.CLOSE_FRAME, "");
                }
                if (opcode >= OPCODE_CLOSE) {
                    frames.add(new Frame(opcode, new String(payload, StandardCharsets.ISO_8859_1)));
                    continue;
                }
                if (opcode != OPCODE_CONTINUATION) {
                    messageOpcode = opcode;
                    message.reset();
                }
                message.writeBytes(payload);
                if (fin) {
                    frames.add(new Frame(messageOpcode, message.toString(StandardCharsets.UTF_8)));
                }
            }
        } catch (EOFException | SocketException e) {
            return new Exchange(status, head, frames, null, End.SOCKET_CLOSED, "");
        } catch (SocketTimeoutException e) {
            return new Exchange(status, head, frames, null, End.STILL_OPEN, "");
        }
    }

    private static void answerClose(OutputStream out) {
        try {
            out.write(maskedFrame(OPCODE_CLOSE, new byte[] {0x03, (byte) 0xE8}));
            out.flush();
        } catch (IOException e) {
            // The server may already have dropped the socket: nothing is left to answer.
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
