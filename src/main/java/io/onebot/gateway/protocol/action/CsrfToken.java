package io.onebot.gateway.protocol.action;

/** {@code get_csrf_token}: the token QQ web APIs expect (the {@code bkn}/{@code g_tk} value). */
public record CsrfToken(int token) {
}
