package io.onebot.gateway.network.auth;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Checks every forward handshake and records the {@link Admission} in the connection's user
 * properties, where the endpoint reads it before serving anything. Refusing before the upgrade is
 * the servlet filter's job ({@link HandshakeFilter}, which also checks the client's address); this
 * check runs on every handshake all the same, so nothing is served on a connection it did not
 * accept, with or without a filter.
 *
 * <p>Endpoint instances are created through CDI so that they can be injected.
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    /** User-property key of the {@link Admission}. */
    public static final String ADMISSION = HandshakeConfigurator.class.getName() + ".admission";
    /** User-property key of the {@link Target}, absent when no entry serves the path. */
    public static final String TARGET = HandshakeConfigurator.class.getName() + ".target";

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        HandshakePolicy policy = CDI.current().select(HandshakePolicy.class).get();
        List<String> tokens = request.getParameterMap().getOrDefault("access_token", List.of());
        Target target = policy.target(request.getRequestURI().getPath(),
                HandshakePolicy.port(header(request.getHeaders(), "Host"))).orElse(null);
        Admission admission = policy.admit(target, null, null, header(request.getHeaders(), "Authorization"), tokens);
        config.getUserProperties().put(ADMISSION, admission);
        if (target != null) {
            config.getUserProperties().put(TARGET, target);
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        try {
            return new Unmanaged<>(endpointClass).newInstance().produce().inject().postConstruct().get();
        } catch (IllegalStateException noCdi) {
            return super.getEndpointInstance(endpointClass);
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
