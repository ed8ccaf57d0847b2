package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Person;
import io.onebot.gateway.protocol.action.GroupHonorInfo;
import io.onebot.gateway.protocol.action.GroupHonorInfo.CurrentTalkative;
import io.onebot.gateway.protocol.action.GroupHonorInfo.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * {@code get_group_honor_info}: who holds the group's honours, as the world says (a world file
 * lists them per group). The first talkative holder is the current dragon king. Honour holders
 * who have left the group are not shown.
 */
@ApplicationScoped
public class GetGroupHonorInfo extends SandboxAction<GetGroupHonorInfo.Params, GroupHonorInfo> {

    private static final List<String> TYPES = List.of("talkative", "performer", "legend", "strong_newbie", "emotion", "all");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "talkative", "most active yesterday",
            "performer", "group performer",
            "legend", "group legend",
            "strong_newbie", "promising newcomer",
            "emotion", "source of joy");

    /** The group and which honours: one of {@link #TYPES}. */
    public record Params(@Required long groupId, @Required String type) {
    }

    @Inject
    SandboxCore core;

    public GetGroupHonorInfo() {
        super("get_group_honor_info", Params.class);
    }

    @Override
    public GroupHonorInfo handle(Params params, ActionContext context) {
        String type = params.type();
        if (!TYPES.contains(type)) {
            throw new InvalidParamsException("type", "must be one of " + TYPES + ", not '" + type + "'");
        }
        Group group = core.group(params.groupId());
        boolean all = type.equals("all");
        List<Holder> talkative = all || type.equals("talkative") ? holders(group, "talkative") : null;
        CurrentTalkative current = talkative == null || talkative.isEmpty() ? null
                : new CurrentTalkative(talkative.get(0).userId(), talkative.get(0).nickname(), talkative.get(0).avatar(), 1);
        return new GroupHonorInfo(group.groupId(), current, talkative,
                all || type.equals("performer") ? holders(group, "performer") : null,
                all || type.equals("legend") ? holders(group, "legend") : null,
                all || type.equals("strong_newbie") ? holders(group, "strong_newbie") : null,
                all || type.equals("emotion") ? holders(group, "emotion") : null);
    }

    private static List<Holder> holders(Group group, String kind) {
        return group.honors().getOrDefault(kind, List.of()).stream()
                .flatMap(id -> group.member(id).stream())
                .map(member -> {
                    Person person = member.person();
                    return new Holder(person.userId(), person.nickname(), avatar(person.userId()), DESCRIPTIONS.get(kind));
                })
                .toList();
    }

    /** QQ's public avatar address for a user. */
    static String avatar(long userId) {
        return "https://q1.qlogo.cn/g?b=qq&nk=" + userId + "&s=640";
    }
}
