package io.onebot.gateway.network.session;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.event.EventSink;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open, admitted WebSocket connection.
 *
 * <p>Outbound frames go through a queue drained by asynchronous sends, one in flight at a time
 * (the WebSocket API forbids concurrent sends on a session), so {@link #send} never blocks its
 * caller. A connection whose queue grows past {@link #MAX_QUEUED_FRAMES} frames or
 * {@link #MAX_QUEUED_CHARS} characters is not reading: it is closed with {@link #OVERLOADED}
 * rather than allowed to hold memory without bound. A send that
 * fails closes this connection only.
 *
 * <p>Inbound text is answered through the {@link ActionDispatcher}, exactly one answer per frame,
 * sent when it is ready: a slow call does not hold up the answers to later frames.
 */
public final class Connection implements EventSink {

    /**
     * NapCat's largest accepted message: 50 MiB. A larger one closes the connection with 1009.
     * Tyrus enforces this through the endpoints' {@code maxMessageSize}; Undertow does not, so
     * {@link #receive} checks it too.
     */
    public static final int MAX_MESSAGE_BYTES = 50 * 1024 * 1024;
    /** The close for a message over {@link #MAX_MESSAGE_BYTES}. */
    public static final CloseReason TOO_BIG = new CloseReason(CloseReason.CloseCodes.TOO_BIG,
            "message larger than 50 MiB");

    /** Frames that may wait for a slow client before it is disconnected. */
    public static final int MAX_QUEUED_FRAMES = 10_000;
    /**
     * Characters that may wait for a slow client before it is disconnected (32 Mi, 32 to 64 MiB of
     * memory), so that a few large frames bound it as well as many small ones. A single frame
     * larger than this (up to {@link #MAX_MESSAGE_BYTES}) still goes out when nothing else waits.
     */
    public static final long MAX_QUEUED_CHARS = 32L * 1024 * 1024;
    /** The close code for a client that does not read its frames: 1013, try again later. */
    public static final CloseReason OVERLOADED = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER,
            "too many unread frames");

    private static final Logger LOG = Logger.getLogger(Connection.class.getName());
    private static final int LOGGED_FRAME_LENGTH = 2000;

    private final Session session;
    private final ActionDispatcher dispatcher;
    private final Consumer<Connection> onFailure;
    private volatile ConnectionOptions options;

    private final Queue<String> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicInteger drainRequests = new AtomicInteger();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();

    /**
     * @param onFailure told once when the connection is given up (send failure or overload),
     *                  after which the connection closes itself
     */
    public Connection(Session session, ConnectionOptions options, ActionDispatcher dispatcher,
                      Consumer<Connection> onFailure) {
        this.session = session;
        this.options = options;
        this.dispatcher = dispatcher;
        this.onFailure = onFailure;
    }

    @Override
    public String entryName() {
        return options.entryName();
    }

    @Override
    public MessageFormat messageFormat() {
        return options.messageFormat();
    }

    @Override
    public boolean reportSelfMessage() {
        return options.reportSelfMessage();
    }

    /** Applies changed options of the connection's entry, from the next frame or event on. */
    public void update(ConnectionOptions changed) {
        options = changed;
    }

    /** Whether the connection was given up or its session is closed. */
    public boolean isClosed() {
        return failed.get() || !session.isOpen();
    }

    /** The underlying WebSocket session. */
    public Session session() {
        return session;
    }

    /** Answers one text frame. */
    public void receive(String frame) {
        if (utf8LengthExceeds(frame, MAX_MESSAGE_BYTES)) {
            LOG.warning(() -> "[" + options.entryName() + "] Closing a connection that sent a message over "
                    + MAX_MESSAGE_BYTES + " bytes: close code 1009");
            close(TOO_BIG);
            return;
        }
        if (options.debug()) {
            LOG.info(() -> "[" + options.entryName() + "] <- " + abbreviate(frame));
        }
        dispatcher.handle(frame, new ActionContext(options.entryName(), options.messageFormat())).thenAccept(this::send);
    }

    /** Answers one binary frame, read as UTF-8 JSON text; bytes that are not UTF-8 are unparsable. */
    public void receive(ByteBuffer frame) {
        if (frame.remaining() > MAX_MESSAGE_BYTES) {
            close(TOO_BIG);
            return;
        }
        try {
            receive(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(frame).toString());
        } catch (CharacterCodingException e) {
            receive("");
        }
    }

    @Override
    public void send(String frame) {
        if (failed.get()) {
            return;
        }
        int frames = queued.incrementAndGet();
        long chars = queuedChars.addAndGet(frame.length());
        if (frames > MAX_QUEUED_FRAMES || (chars > MAX_QUEUED_CHARS && frames > 1)) {
            fail(OVERLOADED, null);
            return;
        }
        if (options.debug()) {
            LOG.info(() -> "[" + options.entryName() + "] -> " + abbreviate(frame));
        }
        outbound.add(frame);
        drain();
    }

    /**
     * Starts the next send unless one is in flight. Whoever finds the counter at zero drains; a
     * completion that arrives inside {@code sendText} only bumps the counter, so the loop here, not
     * recursion, picks the next frame.
     */
    private void drain() {
        if (drainRequests.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!inFlight.get() && !failed.get()) {
                String next = outbound.poll();
                if (next != null) {
                    queued.decrementAndGet();
                    queuedChars.addAndGet(-next.length());
                    inFlight.set(true);
                    try {
                        session.getAsyncRemote().sendText(next, this::sent);
                    } catch (RuntimeException e) {
                        inFlight.set(false);
                        fail(null, e);
                    }
                }
            }
            missed = drainRequests.addAndGet(-missed);
        } while (missed != 0);
    }

    private void sent(SendResult result) {
        inFlight.set(false);
        if (!result.isOK()) {
            fail(null, result.getException());
        }
        drain();
    }

    private void fail(CloseReason reason, Throwable cause) {
        if (!failed.compareAndSet(false, true)) {
            return;
        }
        outbound.clear();
        if (reason == OVERLOADED) {
            LOG.warning(() -> "[" + options.entryName() + "] Closing a connection that does not read its frames ("
                    + queued.get() + " frames, " + queuedChars.get() + " characters waiting; at most " + MAX_QUEUED_FRAMES
                    + " frames or " + MAX_QUEUED_CHARS + " characters): close code " + OVERLOADED.getCloseCode().getCode());
        } else if (session.isOpen()) {
            LOG.log(Level.FINE, cause, () -> "[" + options.entryName() + "] A send failed; closing the connection");
        }
        onFailure.accept(this);
        close(reason == null ? new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "send failed") : reason);
    }

    /** Closes the connection, ignoring a session that is already gone. */
    public void close(CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing an already broken connection", e);
        }
    }

    /** Whether the text takes more than {@code limit} bytes in UTF-8, counting only when it might. */
    static boolean utf8LengthExceeds(String text, int limit) {
        if (text.length() <= limit / 3) {
            return false;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes > limit;
    }

    private static String abbreviate(String frame) {
        return frame.length() <= LOGGED_FRAME_LENGTH ? frame
                : frame.substring(0, LOGGED_FRAME_LENGTH) + "… (" + frame.length() + " characters)";
    }
}
