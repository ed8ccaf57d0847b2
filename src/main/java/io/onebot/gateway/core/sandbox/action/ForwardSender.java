package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.sandbox.Forwarded;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.ForwardResult;
import io.onebot.gateway.protocol.message.Forward;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Sends a merged forward for the three forward actions: the target is checked first, then the
 * nodes are read, the forward is stored under a fresh {@code res_id}, and a message holding one
 * {@code forward} segment with that id is sent like any other message (so it is reported as a
 * self message and can be read back with {@code get_msg} and {@code get_forward_msg}).
 */
final class ForwardSender {

    private ForwardSender() {
    }

    static ForwardResult send(SandboxCore core, MessageTarget target, JsonValue messages) {
        if (target.isGroup()) {
            core.group(target.id());
        } else {
            core.friend(target.id());
        }
        Forwarded forward = ForwardNodes.read(core, messages, target);
        String resId = core.storeForward(forward);
        List<Segment> message = List.of(new Forward(resId, null));
        int messageId = target.isGroup() ? core.sendGroup(target.id(), message) : core.sendPrivate(target.id(), message);
        return new ForwardResult(messageId, resId);
    }
}
