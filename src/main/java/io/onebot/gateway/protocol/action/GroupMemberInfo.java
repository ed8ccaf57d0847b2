package io.onebot.gateway.protocol.action;

/**
 * A member of a group as {@code get_group_member_info} and {@code get_group_member_list} describe it.
 * {@code shut_up_timestamp} (Unix seconds until which the member is muted, 0 when not) is not in
 * OneBot 11 but NapCat and go-cqhttp report it, and bots read it to see who is muted.
 */
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
        boolean cardChangeable,
        long shutUpTimestamp) {
}
