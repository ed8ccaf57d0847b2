package io.onebot.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Makes the target emit events by POSTing a JSON array to its injection URL (the gateway's
 * {@code /sandbox/events}, the reference peer's {@code /_inject}); a 2xx answer means the events
 * were handed to every event connection. One kept-alive client, so injection costs no handshakes.
 */
final class EventInjector {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI url;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    EventInjector(URI url, String token) {
        this.url = url;
        this.token = token;
    }

    /** Posts the events and returns once the target answered; fails on anything but 2xx. */
    void inject(String jsonArray) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonArray));
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while injecting", e);
        }
        if (response.statusCode() / 100 != 2) {
            String body = response.body();
            throw new IOException("HTTP " + response.statusCode() + ": "
                    + (body.length() > 200 ? body.substring(0, 200) : body));
        }
    }

    /**
     * Private friend messages whose text is {@code <key><seq>}, so that every client can tell
     * which event arrived whatever else the target changes (it may reassign message ids).
     */
    static String messages(String key, int from, int to, int selfId) {
        long now = System.currentTimeMillis() / 1000;
        StringBuilder json = new StringBuilder("[");
        for (int seq = from; seq < to; seq++) {
            String text = key + seq;
            if (seq > from) {
                json.append(',');
            }
            json.append("{\"time\":").append(now).append(",\"self_id\":").append(selfId)
                    .append(",\"post_type\":\"message\",\"message_type\":\"private\",\"sub_type\":\"friend\"")
                    .append(",\"message_id\":").append(500_000 + seq)
                    .append(",\"user_id\":20002,\"message\":[{\"type\":\"text\",\"data\":{\"text\":\"")
                    .append(text).append("\"}}],\"raw_message\":\"").append(text)
                    .append("\",\"font\":14,\"sender\":{\"user_id\":20002,\"nickname\":\"alice\",\"card\":\"\"}")
                    .append(",\"message_format\":\"array\"}");
        }
        return json.append(']').toString();
    }
}
