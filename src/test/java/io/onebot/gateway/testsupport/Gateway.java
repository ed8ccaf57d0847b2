package io.onebot.gateway.testsupport;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A deployed gateway as a client reaches it: WebSocket URIs and the sandbox's HTTP endpoint,
 * always on a loopback address and the port the test server was given.
 */
public final class Gateway {

    private final String host;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Gateway(String host, URL base) {
        this.host = host;
        this.port = base.getPort();
    }

    /** {@code ws://host:port<pathAndQuery>}. */
    public URI ws(String pathAndQuery) {
        return URI.create("ws://" + host + ":" + port + pathAndQuery);
    }

    /** POSTs to {@code /sandbox/events}; {@code authorization} may be null. */
    public HttpResponse<String> inject(String body, String authorization) throws Exception {
        return sandbox("POST", "/events", body, authorization);
    }

    /**
     * Calls a sandbox control route such as {@code /messages} or {@code /world}; {@code body} is
     * sent when not null, {@code authorization} when not null.
     */
    public HttpResponse<String> sandbox(String method, String route, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/sandbox" + route))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens a WebSocket with the JDK client and returns the HTTP status of the handshake: 101 when
     * it was upgraded (the socket is closed again at once), otherwise the refusal's status.
     */
    public int handshakeStatus(String pathAndQuery, String authorization) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        try {
            WebSocket socket = builder.buildAsync(ws(pathAndQuery), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            socket.abort();
            return 101;
        } catch (java.util.concurrent.ExecutionException | CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }
}
