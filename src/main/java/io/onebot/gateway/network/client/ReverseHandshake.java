package io.onebot.gateway.network.client;

import jakarta.websocket.ClientEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * The handshake headers of a reverse connection, exactly as NapCat sends them and as Koishi,
 * NoneBot2 and Shiro check them: {@code X-Self-ID} (plain decimal), {@code X-Client-Role:
 * Universal}, {@code User-Agent: OneBot/11}, and {@code Authorization: Bearer <token>} when a
 * token is set. No other part of the connector builds headers.
 */
final class ReverseHandshake extends ClientEndpointConfig.Configurator {

    private final long selfId;
    private final String token;

    ReverseHandshake(long selfId, String token) {
        this.selfId = selfId;
        this.token = token;
    }

    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
        headers.put("X-Self-ID", List.of(Long.toString(selfId)));
        headers.put("X-Client-Role", List.of("Universal"));
        headers.put("User-Agent", List.of("OneBot/11"));
        if (!token.isEmpty()) {
            headers.put("Authorization", List.of("Bearer " + token));
        }
    }
}
