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
import java.util.List;
import java.util.Optional;

/**
 * Refuses WebSocket upgrades before they happen, where the servlet container lets a filter see
 * them (Payara and WildFly both do): a disabled entry and a client the entry's {@code host} does
 * not serve get 403; with {@code authFailure=http} a missing token gets 401 and a wrong one 403.
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
            Optional<Integer> refusal = refusal(request);
            if (refusal.isPresent()) {
                response.sendError(refusal.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<Integer> refusal(HttpServletRequest request) {
        String[] tokens = request.getParameterValues("access_token");
        Target target = policy.target(request.getRequestURI(), request.getLocalPort()).orElse(null);
        Admission admission = policy.admit(target, request.getRemoteAddr(), request.getLocalAddr(),
                request.getHeader("Authorization"), tokens == null ? List.of() : List.of(tokens));
        boolean refuseNow = admission != Admission.ACCEPTED && (!admission.isTokenRefusal()
                || target.entry().authFailure() == AuthFailureMode.HTTP);
        if (!refuseNow) {
            return Optional.empty();
        }
        policy.logRefusal(admission, target, request.getRemoteAddr(), request.getRequestURI());
        return Optional.of(admission.httpStatus());
    }

    private static boolean isUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
