package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.ForwardResult;
import io.onebot.gateway.protocol.event.MessageEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * {@code send_group_forward_msg}: sends a merged forward to a group the account is in. The answer carries the id of the message that shows the forward and the
 * forward's {@code res_id} (also as go-cqhttp's {@code forward_id}).
 */
@ApplicationScoped
public class SendGroupForwardMsg extends SandboxAction<SendGroupForwardMsg.Params, ForwardResult> {

    /** The group and the nodes to forward. */
    public record Params(@Required long groupId, @Required JsonValue messages) {
    }

    @Inject
    SandboxCore core;

    public SendGroupForwardMsg() {
        super("send_group_forward_msg", Params.class);
    }

    @Override
    public ForwardResult handle(Params params, ActionContext context) {
        return ForwardSender.send(core, new MessageTarget(MessageEvent.GROUP, params.groupId()), params.messages());
    }
}
