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
        return new GroupInfo(group.groupId(), group.name(), group.members().size(), group.maxMemberCount());
    }

    static GroupMemberInfo member(Group group, Member member) {
        return new GroupMemberInfo(group.groupId(), member.person().userId(), member.person().nickname(),
                member.card(), member.person().sex(), member.person().age(), "", member.joinTime(), member.joinTime(),
                member.level(), member.role(), false, member.title(), 0, true);
    }
}
