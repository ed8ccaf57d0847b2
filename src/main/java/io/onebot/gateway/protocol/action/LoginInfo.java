package io.onebot.gateway.protocol.action;

/** The account's identity (`get_login_info`). */
public record LoginInfo(long userId, String nickname) {
}
