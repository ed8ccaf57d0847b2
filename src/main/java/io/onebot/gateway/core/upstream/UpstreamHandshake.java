package io.onebot.gateway.core.upstream;

import io.onebot.gateway.config.GatewaySettings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.ClientEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Adds the upstream token to the handshake as {@code Authorization: Bearer}, which every OneBot
 * 11 implementation accepts. The WebSocket runtime makes this class itself, so it asks CDI for the
 * settings rather than holding the token in a static.
 */
public class UpstreamHandshake extends ClientEndpointConfig.Configurator {

    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
        String token = CDI.current().select(GatewaySettings.class).get().upstream().token();
        if (!token.isEmpty()) {
            headers.put("Authorization", List.of("Bearer " + token));
        }
    }
}
