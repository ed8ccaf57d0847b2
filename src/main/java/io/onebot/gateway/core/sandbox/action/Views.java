package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.protocol.action.GroupInfo;
import io.onebot.gateway.protocol.action.GroupMemberInfo;

/** How the world's groups and members look in action results. */
final class Views {

    private Views() {
    }

    static GroupInfo group(Group group) {
        return new GroupInfo(group.groupId(), group.name(), group.members().size(), group.maxMemberCount(),
                group.wholeBan() ? -1 : 0);
    }

    /** A member as seen at {@code now}: a mute that has run out shows as 0, as does a lapsed title. */
    static GroupMemberInfo member(Group group, Member member, long now) {
        boolean titleLapsed = member.titleExpireTime() != 0 && member.titleExpireTime() <= now;
        return new GroupMemberInfo(group.groupId(), member.person().userId(), member.person().nickname(),
                member.card(), member.person().sex(), member.person().age(), "", member.joinTime(), member.joinTime(),
                member.level(), member.role(), false, titleLapsed ? "" : member.title(),
                titleLapsed ? 0 : member.titleExpireTime(), true, member.shutUp(now) ? member.shutUpUntil() : 0);
    }
}
