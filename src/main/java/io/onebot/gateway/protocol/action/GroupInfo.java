package io.onebot.gateway.protocol.action;

/**
 * A group as `get_group_info` and `get_group_list` describe it. {@code group_all_shut} is NapCat's
 * addition: -1 while the whole group is muted, 0 otherwise.
 */
public record GroupInfo(long groupId, String groupName, int memberCount, int maxMemberCount, int groupAllShut) {
}
