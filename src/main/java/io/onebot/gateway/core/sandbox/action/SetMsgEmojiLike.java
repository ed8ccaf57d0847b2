package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.SandboxWorld.Group;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.MessageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;

/**
 * {@code set_msg_emoji_like} (NapCat): the bot reacts to a group message with an emoji
 * ({@code set} true, the default) or takes its reaction back. NapCat's
 * {@code group_msg_emoji_like} notice follows, with the bot as {@code user_id}, the emoji and how
 * many now react with it in {@code likes}, and {@code is_add}. Reacting twice, or taking back a
 * reaction that is not there, changes nothing and emits nothing.
 */
@ApplicationScoped
public class SetMsgEmojiLike extends SandboxAction<SetMsgEmojiLike.Params, Void> {

    /** The message, the emoji (a QQ face id) and whether to add or take back the reaction. */
    public record Params(@Required int messageId, @Required String emojiId, Boolean set) {
    }

    @Inject
    SandboxCore core;

    public SetMsgEmojiLike() {
        super("set_msg_emoji_like", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        String emojiId = params.emojiId().trim();
        if (emojiId.isEmpty() || !emojiId.chars().allMatch(Character::isDigit)) {
            throw new InvalidParamsException("emoji_id", "must be a QQ face id (digits), not '" + params.emojiId() + "'");
        }
        boolean add = params.set() == null || params.set();
        MessageEvent message = core.message(params.messageId());
        if (!message.isGroup()) {
            throw new ActionFailedException("message " + params.messageId()
                    + " is a private message; emoji reactions exist only on group messages");
        }
        Group group = core.group(message.groupId());
        GroupRules.bot(core, group);
        OptionalInt count = core.react(params.messageId(), emojiId, add);
        if (count.isPresent()) {
            core.notice("group_msg_emoji_like", Jsonp.createObjectBuilder()
                    .add("group_id", group.groupId())
                    .add("user_id", core.selfId())
                    .add("message_id", params.messageId())
                    .add("likes", Jsonp.createArrayBuilder().add(Jsonp.createObjectBuilder()
                            .add("emoji_id", emojiId)
                            .add("count", count.getAsInt())))
                    .add("is_add", add));
        }
        return null;
    }
}
