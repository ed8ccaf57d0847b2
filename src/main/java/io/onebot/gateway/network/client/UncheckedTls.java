package io.onebot.gateway.network.client;

import jakarta.websocket.WebSocketContainer;
import java.lang.reflect.Method;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * NapCat's {@code verifyCertificate=false} for {@code wss://} reverse connections: a TLS context
 * that accepts any certificate for any host, handed to the WebSocket runtime the way that runtime
 * takes it. The Jakarta WebSocket API has no portable way to do this, so this is the one class
 * that knows the runtimes:
 * <ul>
 *   <li>Tyrus (Payara, GlassFish) reads its SSL engine configurator from the client container's
 *       properties, so the connector gets a container of its own carrying one;</li>
 *   <li>Undertow (WildFly) reads an {@link SSLContext} from the connection's user properties, on
 *       its one container;</li>
 *   <li>any other runtime keeps checking certificates, and the caller says so in the log.</li>
 * </ul>
 * Reflection keeps the WAR free of compile-time ties to either runtime.
 */
final class UncheckedTls {

    static final String TYRUS_CLIENT_MANAGER = "org.glassfish.tyrus.client.ClientManager";
    static final String TYRUS_ENGINE_CONFIGURATOR = "org.glassfish.tyrus.client.SslEngineConfigurator";
    static final String TYRUS_PROPERTY = "org.glassfish.tyrus.client.sslEngineConfigurator";
    static final String UNDERTOW_CONTAINER = "io.undertow.websockets.jsr.ServerWebSocketContainer";
    static final String UNDERTOW_PROPERTY = "io.undertow.websocket.SSL_CONTEXT";

    private static final Logger LOG = Logger.getLogger(UncheckedTls.class.getName());

    private UncheckedTls() {
    }

    /**
     * Prepares connections that skip certificate and host name checks.
     *
     * @param shared         the container the other reverse connections use
     * @param fresh          makes a new container, for a runtime whose TLS settings are per container
     * @param userProperties receives what the connections' endpoint configuration must carry
     * @return the container to dial through, or empty when the runtime is not one this class knows
     */
    static Optional<WebSocketContainer> apply(WebSocketContainer shared, Supplier<WebSocketContainer> fresh,
                                              Map<String, Object> userProperties) {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, null);
        } catch (GeneralSecurityException e) {
            LOG.log(Level.WARNING, "No TLS context for verifyCertificate=false", e);
            return Optional.empty();
        }
        if (isA(shared.getClass(), UNDERTOW_CONTAINER)) {
            userProperties.put(UNDERTOW_PROPERTY, context);
            return Optional.of(shared);
        }
        if (isA(shared.getClass(), TYRUS_CLIENT_MANAGER)) {
            WebSocketContainer own = fresh.get();
            if (own != shared && isA(own.getClass(), TYRUS_CLIENT_MANAGER) && configureTyrus(own, context)) {
                return Optional.of(own);
            }
        }
        return Optional.empty();
    }

    private static boolean configureTyrus(WebSocketContainer container, SSLContext context) {
        try {
            ClassLoader loader = container.getClass().getClassLoader();
            Class<?> type = Class.forName(TYRUS_ENGINE_CONFIGURATOR, true, loader);
            Object configurator = type.getConstructor(SSLContext.class, boolean.class, boolean.class, boolean.class)
                    .newInstance(context, true, false, false);
            type.getMethod("setHostVerificationEnabled", boolean.class).invoke(configurator, false);
            Method properties = container.getClass().getMethod("getProperties");
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) properties.invoke(container);
            map.put(TYRUS_PROPERTY, configurator);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not configure the Tyrus client for verifyCertificate=false", e);
            return false;
        }
    }

    /** Whether {@code type} is, or extends, the class of that name (which the WAR cannot name directly). */
    static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Trusts every certificate chain; being an extended manager, it also skips host name checks. */
    private static final class AnyCertificate extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
