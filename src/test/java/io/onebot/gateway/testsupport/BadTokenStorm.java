package io.onebot.gateway.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Many clients that get the access token wrong, connecting at once, each sending requests right
 * after its upgrade (and, if asked, before it too), with a bounded number in flight. Every byte each one is sent back is
 * recorded ({@link RawWebSocket}), so a test can check that a refused client gets nothing but its
 * refusal.
 */
public final class BadTokenStorm {

    /** NapCat's refusal frame, the one thing a refused client may receive with {@code authFailure=frame}. */
    public static final String NAPCAT_REFUSAL = "{\"status\":\"failed\",\"retcode\":1403,\"data\":null,"
            + "\"message\":\"token验证失败\",\"wording\":\"token验证失败\",\"echo\":null}";

    /**
     * One bad client.
     *
     * @param pathAndQuery  where it connects
     * @param headers       the extra handshake headers it sends
     * @param presentsToken whether it presents a token at all (wrong: 403), or none (missing: 401)
     */
    public record Attempt(int index, String pathAndQuery, Map<String, String> headers, boolean presentsToken) {

        /** The HTTP status of this client's refusal with {@code authFailure=http}. */
        public int httpRefusal() {
            return presentsToken ? 403 : 401;
        }
    }

    /** What one bad client got back, or why it could not even try. */
    public record Outcome(Attempt attempt, RawWebSocket.Exchange exchange, String error) {

        /** One line for an assertion message. */
        public String describe() {
            return "#" + attempt.index() + " " + attempt.pathAndQuery() + " " + attempt.headers().keySet() + ": "
                    + (error != null ? error : exchange.describe());
        }
    }

    /** The refusal's payload as it shows in raw bytes read as ISO-8859-1, as {@link RawWebSocket} reads them. */
    private static final String RAW_REFUSAL = new String(NAPCAT_REFUSAL.getBytes(StandardCharsets.UTF_8),
            StandardCharsets.ISO_8859_1);

    /** The statuses of exchanges a server runtime was seen to break by itself; 0: no answer. */
    private static final Set<Integer> RUNTIME_STATUSES = Set.of(0, 200, 400);

    private BadTokenStorm() {
    }

    /**
     * {@code count} bad clients, taking turns at the ways a token can be wrong: none, a wrong one
     * in the header or the query (or both), an empty query value, the right token without a
     * scheme, cut short, lengthened, in the wrong case. Every wrong token they make up contains
     * {@code marker}, so a test can look for any of them in the log. Paths are taken in turn from
     * {@code paths}.
     */
    public static List<Attempt> attempts(int count, List<String> paths, String rightToken, String marker) {
        List<Attempt> attempts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = paths.get((i + i / 10) % paths.size());
            String wrong = marker + "-wrong-" + i;
            attempts.add(switch (i % 10) {
                case 0 -> new Attempt(i, path, Map.of(), false);
                case 1 -> new Attempt(i, path, Map.of("Authorization", "Bearer " + wrong), true);
                case 2 -> new Attempt(i, path + "?access_token=" + wrong, Map.of(), true);
                case 3 -> new Attempt(i, path + "?access_token=", Map.of("Authorization", "Basic " + wrong), false);
                case 4 -> new Attempt(i, path, Map.of("Authorization", "Token " + wrong), true);
                case 5 -> new Attempt(i, path + "?access_token=" + wrong, Map.of("Authorization", "Bearer " + wrong + "-2"),
                        true);
                case 6 -> new Attempt(i, path, Map.of("Authorization", rightToken), false);
                case 7 -> new Attempt(i, path + "?access_token=" + rightToken.substring(0, rightToken.length() - 1),
                        Map.of(), true);
                case 8 -> new Attempt(i, path + "?access_token=" + rightToken + "x", Map.of(), true);
                default -> new Attempt(i, path, Map.of("Authorization", "Bearer " + rightToken.toUpperCase()), true);
            });
        }
        return attempts;
    }

    /** The requests a bad client sends straight after its upgrade request: plain, acting, and JSON5. */
    public static List<String> requests(int index) {
        return List.of(
                "{\"action\":\"get_login_info\",\"echo\":\"bad-" + index + "\"}",
                "{\"action\":\"send_private_msg\",\"params\":{\"user_id\":20001,\"message\":\"from bad client " + index
                        + "\"},\"echo\":\"bad-send-" + index + "\"}",
                "{action:'get_status',echo:'bad-json5-" + index + "',}");
    }

    /**
     * Runs the attempts against {@code host:port}, {@code inFlight} at a time, each sending its
     * {@link #requests} right after the 101 (with {@code beforeAnswer}, also before it) and waiting
     * at most {@code quiet} for more to arrive; returns the outcomes in the attempts' order.
     */
    public static List<Outcome> run(String host, int port, List<Attempt> attempts, int inFlight, boolean beforeAnswer,
                                    Duration quiet) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(inFlight);
        try {
            List<Future<Outcome>> pending = new ArrayList<>(attempts.size());
            for (Attempt attempt : attempts) {
                pending.add(clients.submit(() -> {
                    try {
                        return new Outcome(attempt, RawWebSocket.exchange(host, port, attempt.pathAndQuery(),
                                attempt.headers(), requests(attempt.index()), beforeAnswer, quiet), null);
                    } catch (Exception e) {
                        return new Outcome(attempt, null, e.toString());
                    }
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(attempts.size());
            for (Future<Outcome> outcome : pending) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs the attempts in rounds of {@code inFlight}, as {@link #run} does, until at least
     * {@code minimum} are done and {@code lastedLongEnough} (asked after each round) agrees, or
     * every attempt is used; returns the outcomes so far. For a storm that must go on while
     * something else is seen to happen, such as heartbeats arriving on a good connection.
     */
    public static List<Outcome> runUntil(String host, int port, List<Attempt> attempts, int minimum, int inFlight,
                                         boolean beforeAnswer, Duration quiet, BooleanSupplier lastedLongEnough)
            throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        int done = 0;
        while (done < attempts.size() && (done < minimum || !lastedLongEnough.getAsBoolean())) {
            List<Attempt> round = attempts.subList(done, Math.min(attempts.size(), done + inFlight));
            outcomes.addAll(run(host, port, round, inFlight, beforeAnswer, quiet));
            done += round.size();
        }
        return outcomes;
    }

    /**
     * What is wrong with an outcome under {@code authFailure=frame}, or null when it is right: the
     * upgrade, NapCat's refusal frame and nothing else, then a close frame with 1008.
     */
    public static String frameModeProblem(Outcome outcome) {
        RawWebSocket.Exchange exchange = outcome.exchange();
        if (outcome.error() != null) {
            return "no exchange";
        }
        if (exchange.status() != 101) {
            return "no upgrade";
        }
        if (!exchange.frames().equals(List.of(new RawWebSocket.Frame(1, NAPCAT_REFUSAL)))) {
            return "frames other than the one refusal";
        }
        if (exchange.close() == null || exchange.close().code() != 1008) {
            return "no close frame with 1008";
        }
        return null;
    }

    /**
     * What is wrong with an outcome under {@code authFailure=http}, or null when it is right: 401
     * for no token, 403 for a wrong one, no upgrade, and nothing after it that a WebSocket
     * endpoint would write.
     */
    public static String httpModeProblem(Outcome outcome) {
        RawWebSocket.Exchange exchange = outcome.exchange();
        if (outcome.error() != null) {
            return "no exchange";
        }
        if (exchange.status() != outcome.attempt().httpRefusal()) {
            return "status " + exchange.status() + " instead of " + outcome.attempt().httpRefusal();
        }
        if (carriesGatewayContent(exchange)) {
            return "gateway content after the refusal";
        }
        return null;
    }

    /** Whether anything a gateway endpoint writes (an event, an answer) shows in the raw exchange. */
    public static boolean carriesGatewayContent(RawWebSocket.Exchange exchange) {
        return carriesGatewayContent(exchange.head()) || carriesGatewayContent(exchange.rest());
    }

    private static boolean carriesGatewayContent(String raw) {
        for (String sign : List.of("post_type", "retcode", "meta_event_type", "\"echo\"", "self_id")) {
            if (raw.contains(sign)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a frame-mode outcome that is not right was spoiled by the server's runtime, not by the
     * gateway: what came back holds nothing of the gateway's but NapCat's refusal and a 1008 close,
     * yet the HTTP exchange around it is broken: no 101, a 101 with nothing after it, or the
     * refusal's bytes ahead of the 101. Payara does this now and then under a storm of upgrades
     * that are closed at once (see {@code ForwardConnections}).
     */
    public static boolean frameModeRuntimeFault(Outcome outcome) {
        RawWebSocket.Exchange exchange = outcome.exchange();
        if (outcome.error() != null || exchange.frames().size() > 1
                || !exchange.frames().stream().allMatch(frame -> frame.equals(new RawWebSocket.Frame(1, NAPCAT_REFUSAL)))
                || exchange.close() != null && exchange.close().code() != 1008) {
            return false;
        }
        // The gateway writes the refusal before the close, and TCP keeps the order: a close frame
        // after a 101 without the refusal ahead of it is the gateway's doing.
        if (exchange.status() == 101 && exchange.close() != null && exchange.frames().isEmpty()) {
            return false;
        }
        // A second refusal in the same text would still show, and count as gateway content.
        return !carriesGatewayContent(exchange.head().replaceFirst(Pattern.quote(RAW_REFUSAL), ""))
                && !carriesGatewayContent(exchange.rest().replaceFirst(Pattern.quote(RAW_REFUSAL), ""));
    }

    /**
     * Whether an http-mode outcome that is not right was spoiled by the server's runtime: no upgrade
     * and nothing of the gateway's, only one of the statuses Payara was seen to give by itself
     * (400, 200) or no answer at all (0).
     */
    public static boolean httpModeRuntimeFault(Outcome outcome) {
        RawWebSocket.Exchange exchange = outcome.exchange();
        return outcome.error() == null && RUNTIME_STATUSES.contains(exchange.status()) && exchange.frames().isEmpty()
                && exchange.close() == null && !carriesGatewayContent(exchange);
    }

    /** Event number {@code n} to inject: a friend's message whose text is {@code storm-<n>}. */
    public static String event(int n) {
        return "{\"message_type\":\"private\",\"user_id\":20001,\"message\":\"storm-" + n + "\"}";
    }

    /**
     * Checks that every event injected, {@code storm-0} to {@code storm-<injected - 1>}, reaches the
     * good client exactly once: those in {@code received} already, the rest read from the client.
     */
    public static void assertEveryEventArrives(WsClient good, List<JsonObject> received, int injected)
            throws InterruptedException {
        Set<String> seen = new HashSet<>();
        List<JsonObject> next = new ArrayList<>(received);
        while (true) {
            for (JsonObject frame : next) {
                if ("message".equals(frame.getString("post_type", null))) {
                    assertTrue(seen.add(frame.getString("raw_message")), "no event twice: " + frame);
                }
            }
            if (seen.size() >= injected) {
                break;
            }
            next = List.of(good.next(frame -> "message".equals(frame.getString("post_type", null)), new ArrayList<>()));
        }
        for (int n = 0; n < injected; n++) {
            assertTrue(seen.contains("storm-" + n), "event storm-" + n + " arrived");
        }
    }

    /** How many of the frames are of a kind: a {@code post_type} or a {@code meta_event_type}. */
    public static long count(List<JsonObject> frames, String kind) {
        return frames.stream().filter(frame -> kind.equals(frame.getString("meta_event_type", null))
                || kind.equals(frame.getString("post_type", null))).count();
    }

    /** A summary of the outcomes for the test's output: statuses, frames and close codes seen. */
    public static String summary(List<Outcome> outcomes) {
        Map<String, Integer> seen = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.error() != null) {
                seen.merge("error", 1, Integer::sum);
                continue;
            }
            RawWebSocket.Exchange exchange = outcome.exchange();
            seen.merge("status " + exchange.status(), 1, Integer::sum);
            for (RawWebSocket.Frame frame : exchange.frames()) {
                seen.merge(frame.opcode() == 1 && frame.text().equals(NAPCAT_REFUSAL) ? "frame: the 1403 refusal"
                        : "frame: other", 1, Integer::sum);
            }
            seen.merge(exchange.close() != null ? "close " + exchange.close().code()
                    : exchange.status() == 101 ? "no close frame (" + exchange.end() + ")"
                    : "after the refusal: " + exchange.end(), 1, Integer::sum);
        }
        return outcomes.size() + " clients: " + seen;
    }
}
