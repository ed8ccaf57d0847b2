package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.GroupRequest;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code set_group_add_request}: answers a pending join request or invitation by its flag.
 * {@code sub_type} and {@code type} are synonyms; when given, they must match the request.
 *
 * <ul>
 *   <li>Approving a join request ({@code add}) needs the bot to be an admin or the owner and room
 *       in the group; the requester becomes a member and {@code group_increase} ({@code approve},
 *       operator the bot) follows.</li>
 *   <li>Approving an invitation ({@code invite}) makes the bot join the group, which it knows only
 *       by name: the inviter is recorded as its owner. {@code group_increase} ({@code invite},
 *       user the bot, operator the inviter) follows.</li>
 *   <li>Rejecting removes the request; {@code reason} would go to the requester, whom the sandbox
 *       does not simulate.</li>
 * </ul>
 */
@ApplicationScoped
public class SetGroupAddRequest extends SandboxAction<SetGroupAddRequest.Params, Void> {

    /** The request's flag, its kind (add or invite, under either name), whether to approve, and why not. */
    public record Params(@Required String flag, String subType, String type, Boolean approve, String reason) {
    }

    @Inject
    SandboxCore core;

    public SetGroupAddRequest() {
        super("set_group_add_request", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        String kind = kind(params);
        boolean approve = params.approve() == null || params.approve();
        JsonObjectBuilder notice = core.world().atomically(() -> {
            GroupRequest request = pending(params.flag());
            if (kind != null && !kind.equals(request.subType())) {
                throw new ActionFailedException("the request with flag '" + params.flag() + "' is of sub_type "
                        + request.subType() + ", not " + kind);
            }
            if (!approve) {
                core.world().takeGroupRequest(request.flag());
                return null;
            }
            return request.subType().equals("add") ? admit(request) : join(request);
        });
        if (notice != null) {
            core.notice("group_increase", notice);
        }
        return null;
    }

    private static String kind(Params params) {
        String name = params.subType() != null ? "sub_type" : "type";
        String kind = params.subType() != null ? params.subType() : params.type();
        if (kind != null && !kind.equals("add") && !kind.equals("invite")) {
            throw new InvalidParamsException(name, "must be add or invite, not '" + kind + "'");
        }
        return kind;
    }

    private GroupRequest pending(String flag) {
        return core.world().groupRequests().stream().filter(r -> r.flag().equals(flag)).findFirst()
                .orElseThrow(() -> new ActionFailedException("no pending group request has flag '" + flag
                        + "'; pending: " + core.world().groupRequests().stream().map(GroupRequest::flag).toList()));
    }

    private JsonObjectBuilder admit(GroupRequest request) {
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
        return Json.createObjectBuilder()
                .add("sub_type", "approve")
                .add("group_id", group.groupId())
                .add("operator_id", core.selfId())
                .add("user_id", userId);
    }

    private JsonObjectBuilder join(GroupRequest request) {
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
        return Json.createObjectBuilder()
                .add("sub_type", "invite")
                .add("group_id", request.groupId())
                .add("operator_id", request.user().userId())
                .add("user_id", core.selfId());
    }
}
