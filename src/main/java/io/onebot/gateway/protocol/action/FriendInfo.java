package io.onebot.gateway.protocol.action;

/** One entry of `get_friend_list`. */
public record FriendInfo(long userId, String nickname, String remark) {
}
