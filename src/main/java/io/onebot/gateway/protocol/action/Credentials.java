package io.onebot.gateway.protocol.action;

/** {@code get_credentials}: cookies and CSRF token together. */
public record Credentials(String cookies, int csrfToken) {
}
