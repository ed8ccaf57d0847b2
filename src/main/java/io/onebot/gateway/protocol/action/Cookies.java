package io.onebot.gateway.protocol.action;

/** {@code get_cookies}: the account's cookies for a domain, as one {@code Cookie} header value. */
public record Cookies(String cookies) {
}
