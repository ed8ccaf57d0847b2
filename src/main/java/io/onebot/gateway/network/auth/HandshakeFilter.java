package io.onebot.gateway.network.auth;

import io.onebot.gateway.config.AuthFailureMode;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses WebSocket upgrades before they happen, where the servlet container lets a filter see
 * them (Payara and WildFly both do): a disabled entry and a client the entry's {@code host} does
 * not serve get 403; with {@code authFailure=http} a missing token gets 401 and a wrong one 403;
 * an admissible client of an entry that already serves {@code maxConnections} gets 503.
 * With {@code authFailure=frame} token refusals are left to the endpoint, which answers with
 * NapCat's 1403 frame. Requests that are not upgrades pass untouched.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient HandshakePolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isUpgrade(request)) {
            Optional<Admission> refusal = refusal(request);
            if (refusal.isPresent()) {
                if (refusal.get() == Admission.TOO_MANY_CONNECTIONS) {
                    response.sendError(refusal.get().httpStatus(), HandshakePolicy.TOO_MANY_CONNECTIONS);
                } else {
                    response.sendError(refusal.get().httpStatus());
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<Admission> refusal(HttpServletRequest request) {
        String[] tokens = request.getParameterValues("access_token");
        // The same inputs as HandshakeConfigurator (decoded path, Host port), so both check one entry;
        // a Host port that would lead elsewhere than the port actually dialled is refused.
        String path = decodedPath(request);
        Target target = policy.target(path, HandshakePolicy.port(request.getHeader("Host"))).orElse(null);
        Target dialled = policy.target(path, request.getLocalPort()).orElse(null);
        Admission admission = !Objects.equals(target, dialled) ? Admission.PORT_MISMATCH
                : policy.admit(target, request.getRemoteAddr(), request.getLocalAddr(),
                        request.getHeader("Authorization"), tokens == null ? List.of() : List.of(tokens));
        if (admission == Admission.ACCEPTED && !policy.hasRoom(target)) {
            admission = Admission.TOO_MANY_CONNECTIONS;
        }
        boolean refuseNow = admission != Admission.ACCEPTED && (!admission.isTokenRefusal()
                || target.entry().authFailure() == AuthFailureMode.HTTP);
        if (!refuseNow) {
            return Optional.empty();
        }
        policy.logRefusal(admission, target, request.getRemoteAddr(), path);
        return Optional.of(admission);
    }

    /** The request path as the WebSocket runtime sees it: percent-decoded. */
    private static String decodedPath(HttpServletRequest request) {
        try {
            return new URI(request.getRequestURI()).getPath();
        } catch (URISyntaxException e) {
            return request.getRequestURI();
        }
    }

    private static boolean isUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
