package io.onebot.gateway.protocol.action;

/** A member of a group as {@code get_group_member_info} and {@code get_group_member_list} describe it. */
public record GroupMemberInfo(
        long groupId,
        long userId,
        String nickname,
        String card,
        String sex,
        int age,
        String area,
        long joinTime,
        long lastSentTime,
        String level,
        String role,
        boolean unfriendly,
        String title,
        long titleExpireTime,
        boolean cardChangeable) {
}
