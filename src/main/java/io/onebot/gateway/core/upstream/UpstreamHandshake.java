package io.onebot.gateway.core.upstream;

import jakarta.websocket.ClientEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Adds the upstream token to the handshake as {@code Authorization: Bearer}, which every OneBot
 * 11 implementation accepts; without a token, nothing.
 */
final class UpstreamHandshake extends ClientEndpointConfig.Configurator {

    private final String token;

    UpstreamHandshake(String token) {
        this.token = token;
    }

    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
        if (!token.isEmpty()) {
            headers.put("Authorization", List.of("Bearer " + token));
        }
    }
}
