package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.core.sandbox.SandboxWorld.Member;
import io.onebot.gateway.protocol.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * {@code set_group_special_title}: the owner gives a member (or itself) a special title, for
 * {@code duration} seconds or for good (-1, the default); an empty title removes it. A
 * {@code notify} notice with {@code sub_type} {@code title} follows when a title is given, as
 * NapCat reports title changes.
 */
@ApplicationScoped
public class SetGroupSpecialTitle extends SandboxAction<SetGroupSpecialTitle.Params, Void> {

    /** QQ's limit on a special title, in UTF-8 bytes (six Chinese characters). */
    static final int MAX_BYTES = 18;

    /** The group, the member, the title (default empty) and how long it lasts (default -1, for good). */
    public record Params(@Required long groupId, @Required long userId, String specialTitle, Long duration) {
    }

    @Inject
    SandboxCore core;

    public SetGroupSpecialTitle() {
        super("set_group_special_title", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        String title = params.specialTitle() == null ? "" : params.specialTitle();
        if (title.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidParamsException("special_title", "is longer than " + MAX_BYTES + " UTF-8 bytes");
        }
        long duration = params.duration() == null ? -1 : params.duration();
        if (duration < -1) {
            throw new InvalidParamsException("duration", "must be -1 (for good) or a number of seconds, not " + duration);
        }
        long expires = duration <= 0 || title.isEmpty() ? 0 : core.now() + duration;
        core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            GroupRules.requireOwner(group, GroupRules.bot(core, group), "give special titles");
            Member target = GroupRules.member(group, params.userId());
            return core.world().updateGroup(group.groupId(), g -> g.withMember(target.withTitle(title, expires)));
        });
        if (!title.isEmpty()) {
            core.notice("notify", Jsonp.createObjectBuilder()
                    .add("sub_type", "title")
                    .add("group_id", params.groupId())
                    .add("user_id", params.userId())
                    .add("title", title));
        }
        return null;
    }
}
