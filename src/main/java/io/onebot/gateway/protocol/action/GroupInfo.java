package io.onebot.gateway.protocol.action;

/** A group as `get_group_info` and `get_group_list` describe it. */
public record GroupInfo(long groupId, String groupName, int memberCount, int maxMemberCount) {
}
