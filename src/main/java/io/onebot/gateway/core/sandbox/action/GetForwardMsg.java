package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.codec.EventEncoder;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.sandbox.Forwarded;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.event.Sender;
import io.onebot.gateway.protocol.message.Forward;
import io.onebot.gateway.protocol.message.MessageFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * {@code get_forward_msg}: the messages of a merged forward, as {@code {messages:[...]}}.
 *
 * <p>The forward is named by its {@code res_id} ({@code id}, or NapCat's {@code message_id}), or,
 * as NapCat also allows, by the id of a stored message that carries it. Each item is shaped like
 * the message event NapCat returns for it ({@code time}, {@code message_type}, {@code message_id},
 * {@code user_id}, {@code sender}, {@code message}, {@code raw_message}...), with the message in
 * the caller's format, and also under {@code content}, where go-cqhttp clients read it.
 */
@ApplicationScoped
public class GetForwardMsg extends SandboxAction<GetForwardMsg.Params, JsonObject> {

    /** The forward's id, under either name. */
    public record Params(String id, String messageId) {
    }

    @Inject
    SandboxCore core;

    public GetForwardMsg() {
        super("get_forward_msg", Params.class);
    }

    @Override
    public JsonObject handle(Params params, ActionContext context) {
        String key = params.id() != null ? params.id() : params.messageId();
        if (key == null || key.isBlank()) {
            throw new InvalidParamsException("id", "is required (or message_id): the forward's res_id or message id");
        }
        Forwarded forward = core.forward(resId(key.trim()));
        JsonArrayBuilder messages = Jsonp.createArrayBuilder();
        for (Forwarded.Node node : forward.nodes()) {
            messages.add(node(forward, node, context.messageFormat()));
        }
        return Jsonp.createObjectBuilder().add("messages", messages).build();
    }

    /** A res_id as it is, or the res_id carried by the message with that id. */
    private String resId(String key) {
        if (!key.chars().allMatch(Character::isDigit)) {
            return key;
        }
        int messageId;
        try {
            messageId = Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw new ActionFailedException("message " + key + " does not exist");
        }
        return core.message(messageId).message().stream()
                .filter(Forward.class::isInstance).map(s -> ((Forward) s).id()).findFirst()
                .orElseThrow(() -> new ActionFailedException("message " + messageId + " is not a merged forward"));
    }

    private JsonObject node(Forwarded forward, Forwarded.Node node, MessageFormat format) {
        boolean group = forward.groupId() != null;
        MessageEvent asEvent = new MessageEvent(node.time(), core.selfId(), false, forward.messageType(),
                group ? "normal" : "friend", node.messageId(), node.userId(), forward.groupId(), null, null,
                Sender.of(node.userId(), node.nickname()), node.content(), SandboxCore.FONT, null);
        JsonObject json = EventEncoder.toJson(asEvent, format);
        return Jsonp.createObjectBuilder(json).add("content", json.get("message")).build();
    }
}
