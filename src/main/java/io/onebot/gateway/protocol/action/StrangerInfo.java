package io.onebot.gateway.protocol.action;

/** The public profile of a user (`get_stranger_info`). */
public record StrangerInfo(long userId, String nickname, String sex, int age) {
}
