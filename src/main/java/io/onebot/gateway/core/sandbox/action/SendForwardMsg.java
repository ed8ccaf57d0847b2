package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.ForwardResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * {@code send_forward_msg} (NapCat): sends a merged forward to a group or a friend, chosen as {@code send_msg} chooses. The answer carries the id of the message that shows the forward and the
 * forward's {@code res_id} (also as go-cqhttp's {@code forward_id}).
 */
@ApplicationScoped
public class SendForwardMsg extends SandboxAction<SendForwardMsg.Params, ForwardResult> {

    /** The target (by type and ids) and the nodes to forward. */
    public record Params(String messageType, Long userId, Long groupId, @Required JsonValue messages) {
    }

    @Inject
    SandboxCore core;

    public SendForwardMsg() {
        super("send_forward_msg", Params.class);
    }

    @Override
    public ForwardResult handle(Params params, ActionContext context) {
        return ForwardSender.send(core, MessageTarget.of(params.messageType(), params.userId(), params.groupId()), params.messages());
    }
}
