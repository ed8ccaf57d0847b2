package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.MessageIdResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/** {@code send_group_msg}: sends a message to a group the account is in. */
@ApplicationScoped
public class SendGroupMsg extends SandboxAction<SendGroupMsg.Params, MessageIdResult> {

    /** The group, the message (CQ string, segment or segments) and whether a string is literal text. */
    public record Params(@Required long groupId, @Required JsonValue message, JsonValue autoEscape) {
    }

    @Inject
    SandboxCore core;

    public SendGroupMsg() {
        super("send_group_msg", Params.class);
    }

    @Override
    public MessageIdResult handle(Params params, ActionContext context) {
        return new MessageIdResult(core.sendGroup(params.groupId(),
                OutgoingMessage.segments(params.message(), params.autoEscape())));
    }
}
