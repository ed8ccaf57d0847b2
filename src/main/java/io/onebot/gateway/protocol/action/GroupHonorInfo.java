package io.onebot.gateway.protocol.action;

import java.util.List;

/**
 * {@code get_group_honor_info}'s answer. Only the parts the request's {@code type} asks for are
 * present (null parts are left out of the JSON): {@code talkative} gives the current dragon king
 * and the talkative list, {@code all} gives everything.
 */
public record GroupHonorInfo(long groupId, CurrentTalkative currentTalkative, List<Holder> talkativeList,
                             List<Holder> performerList, List<Holder> legendList, List<Holder> strongNewbieList,
                             List<Holder> emotionList) {

    /** The member who talked most yesterday and for how many days in a row. */
    public record CurrentTalkative(long userId, String nickname, String avatar, int dayCount) {
    }

    /** A holder of an honour. */
    public record Holder(long userId, String nickname, String avatar, String description) {
    }
}
