package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.Essence;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.Jsonp;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

/**
 * {@code get_essence_msg_list}: a group's essence messages, oldest mark first. Each item carries
 * go-cqhttp's fields ({@code sender_id}, {@code sender_nick}, {@code sender_time},
 * {@code operator_id}, {@code operator_nick}, {@code operator_time}, {@code message_id}) and
 * NapCat's {@code msg_seq} and {@code content}. {@code content} is always a segment array, in
 * both message formats: NapCat wraps a CQ string into a text segment in string format, which
 * turns the codes into literal text, so we do not.
 */
@ApplicationScoped
public class GetEssenceMsgList extends SandboxAction<GetEssenceMsgList.Params, JsonArray> {

    /** The group. */
    public record Params(@Required long groupId) {
    }

    @Inject
    SandboxCore core;

    public GetEssenceMsgList() {
        super("get_essence_msg_list", Params.class);
    }

    @Override
    public JsonArray handle(Params params, ActionContext context) {
        core.group(params.groupId());
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (Essence essence : core.essences(params.groupId())) {
            list.add(Jsonp.createObjectBuilder()
                    .add("msg_seq", essence.messageId())
                    .add("sender_id", essence.senderId())
                    .add("sender_nick", essence.senderNick())
                    .add("sender_time", essence.senderTime())
                    .add("operator_id", essence.operatorId())
                    .add("operator_nick", essence.operatorNick())
                    .add("operator_time", essence.operatorTime())
                    .add("message_id", essence.messageId())
                    .add("content", Segment.array(essence.content())));
        }
        return list.build();
    }
}
