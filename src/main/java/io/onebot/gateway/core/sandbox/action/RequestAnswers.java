package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.FriendRequest;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.GroupRequest;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answering pending friend and group requests by their flag, with the world changes and notices
 * that follow, in one place: {@code set_friend_add_request}, {@code set_group_add_request} and
 * the request quick operations all come here.
 */
final class RequestAnswers {

    private RequestAnswers() {
    }

    /**
     * Answers a friend request. Approving makes the requester a friend under {@code remark} and
     * emits {@code friend_add}; rejecting just removes the request. Either way the flag is used up.
     */
    static void friend(SandboxCore core, String flag, boolean approve, String remark) {
        FriendRequest request = core.world().atomically(() -> {
            FriendRequest pending = core.world().takeFriendRequest(flag).orElseThrow(() ->
                    new ActionFailedException("no pending friend request has flag '" + flag + "'; pending: "
                            + core.world().friendRequests().stream().map(FriendRequest::flag).toList()));
            if (approve) {
                core.world().putFriend(pending.user(), remark == null ? "" : remark);
            }
            return pending;
        });
        if (approve) {
            core.notice("friend_add", Jsonp.createObjectBuilder().add("user_id", request.user().userId()));
        }
    }

    /**
     * Answers a join request or an invitation.
     *
     * @param kind {@code add} or {@code invite} when the caller says which it means (checked
     *             against the request), or null
     */
    static void group(SandboxCore core, String flag, String kind, boolean approve) {
        JsonObjectBuilder notice = core.world().atomically(() -> {
            GroupRequest request = pending(core, flag);
            if (kind != null && !kind.equals(request.subType())) {
                throw new ActionFailedException("the request with flag '" + flag + "' is of sub_type "
                        + request.subType() + ", not " + kind);
            }
            if (!approve) {
                core.world().takeGroupRequest(request.flag());
                return null;
            }
            return request.subType().equals("add") ? admit(core, request) : join(core, request);
        });
        if (notice != null) {
            core.notice("group_increase", notice);
        }
    }

    private static GroupRequest pending(SandboxCore core, String flag) {
        return core.world().groupRequests().stream().filter(r -> r.flag().equals(flag)).findFirst()
                .orElseThrow(() -> new ActionFailedException("no pending group request has flag '" + flag
                        + "'; pending: " + core.world().groupRequests().stream().map(GroupRequest::flag).toList()));
    }

    private static JsonObjectBuilder admit(SandboxCore core, GroupRequest request) {
        Group group = core.group(request.groupId());
        GroupRules.requireAdmin(group, GroupRules.bot(core, group), "approve join requests");
        long userId = request.user().userId();
        if (group.member(userId).isEmpty() && group.members().size() >= group.maxMemberCount()) {
            throw new ActionFailedException("group " + group.groupId() + " is full (" + group.maxMemberCount() + " members)");
        }
        core.world().takeGroupRequest(request.flag());
        if (group.member(userId).isPresent()) {
            return null;
        }
        core.world().updateGroup(group.groupId(), g -> g.withMember(
                new Member(request.user(), "", "member", "", core.now(), "1", 0, 0)));
        return Jsonp.createObjectBuilder()
                .add("sub_type", "approve")
                .add("group_id", group.groupId())
                .add("operator_id", core.selfId())
                .add("user_id", userId);
    }

    private static JsonObjectBuilder join(SandboxCore core, GroupRequest request) {
        if (core.world().group(request.groupId()).isPresent()) {
            core.world().takeGroupRequest(request.flag());
            throw new ActionFailedException("the bot is already in group " + request.groupId()
                    + "; the invitation is used up");
        }
        core.world().takeGroupRequest(request.flag());
        long now = core.now();
        Member inviter = new Member(request.user(), "", "owner", "", now, "1", 0, 0);
        Member bot = new Member(core.world().self(), "", "member", "", now, "1", 0, 0);
        Map<Long, Member> members = new LinkedHashMap<>();
        members.put(inviter.person().userId(), inviter);
        members.put(bot.person().userId(), bot);
        core.world().putGroup(new Group(request.groupId(), request.groupName(), 200, members, false, false, Map.of()));
        return Jsonp.createObjectBuilder()
                .add("sub_type", "invite")
                .add("group_id", request.groupId())
                .add("operator_id", request.user().userId())
                .add("user_id", core.selfId());
    }
}
