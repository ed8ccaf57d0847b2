package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.event.MessageEvent;
import io.onebot.gateway.protocol.message.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code .handle_quick_operation}: answers an event the bot received ({@code context}) with the
 * operation a client would otherwise spell out as separate actions.
 *
 * <ul>
 *   <li>A message ({@code post_type} {@code message}): {@code reply} sends a message (CQ string,
 *       segment or segments; {@code auto_escape}) back to the chat. In a group the reply quotes
 *       the context message, as NapCat's replies do, and starts with an at of the sender unless
 *       {@code at_sender} is false (OneBot 11's default, unlike NapCat's). {@code delete}
 *       recalls the message, {@code kick} removes the sender from the group, {@code ban} mutes
 *       them for {@code ban_duration} seconds (default 1800).</li>
 *   <li>A friend request: {@code approve} answers it, and an approved friend gets
 *       {@code remark}.</li>
 *   <li>A group join request or invitation: {@code approve} answers it; {@code reason} would go to
 *       the requester, whom the sandbox does not simulate.</li>
 * </ul>
 *
 * <p>Unlike NapCat, every operation is carried out (NapCat ignores delete, kick and ban, and loses
 * the request flag), with the same permission rules and notices as {@code send_msg},
 * {@code delete_msg}, {@code set_group_kick}, {@code set_group_ban} and the request actions, and
 * the answer says whether it worked. The context and operation are checked completely before
 * anything is done; a request context without {@code approve} is left pending, as OneBot 11
 * says. Operations run in the order reply, delete, kick, ban, and the first refusal stops the
 * rest.
 */
@ApplicationScoped
public class HandleQuickOperation extends SandboxAction<HandleQuickOperation.Params, Void> {

    private static final Set<String> MESSAGE_ONLY = Set.of("reply", "auto_escape", "at_sender", "delete", "kick", "ban",
            "ban_duration");
    private static final Set<String> REQUEST_ONLY = Set.of("approve", "remark", "reason");

    /** The event being answered, as the bot received it, and what to do about it. */
    public record Params(@Required JsonObject context, @Required JsonObject operation) {
    }

    @Inject
    SandboxCore core;

    public HandleQuickOperation() {
        super(".handle_quick_operation", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        QuickFields event = new QuickFields(params.context(), "context");
        QuickFields operation = new QuickFields(params.operation(), "operation");
        String postType = event.string("post_type");
        switch (postType) {
            case "message" -> {
                refuse(operation, REQUEST_ONLY, "a request");
                message(event, operation);
            }
            case "request" -> {
                refuse(operation, MESSAGE_ONLY, "a message");
                request(event, operation);
            }
            default -> throw event.invalid("post_type", "must be message or request to be answered, not '"
                    + postType + "'");
        }
        return null;
    }

    private static void refuse(QuickFields operation, Set<String> fields, String kind) {
        for (String field : fields) {
            if (operation.has(field)) {
                throw operation.invalid(field, "applies only to " + kind + " context");
            }
        }
    }

    private void message(QuickFields event, QuickFields operation) {
        String type = event.string("message_type");
        if (!type.equals(MessageEvent.GROUP) && !type.equals(MessageEvent.PRIVATE)) {
            throw event.invalid("message_type", "must be private or group, not '" + type + "'");
        }
        boolean group = type.equals(MessageEvent.GROUP);
        long userId = event.integer("user_id");
        int messageId = event.int32("message_id");
        Long groupId = group ? event.integer("group_id") : null;

        List<Segment> reply = operation.has("reply")
                ? OutgoingMessage.segments(operation.raw("reply"), operation.raw("auto_escape"), "operation.reply") : null;
        boolean atSender = operation.bool("at_sender", true);
        boolean delete = operation.bool("delete", false);
        boolean kick = operation.bool("kick", false);
        boolean ban = operation.bool("ban", false);
        long duration = operation.has("ban_duration")
                ? GroupRules.seconds(operation.integer("ban_duration"), Moderation.MAX_BAN, "operation.ban_duration")
                : Moderation.DEFAULT_BAN;
        if (!group && (kick || ban)) {
            throw operation.invalid(kick ? "kick" : "ban", "applies only to group messages");
        }
        if (kick && ban) {
            throw operation.invalid("ban", "cannot go with kick: a kicked member cannot be muted");
        }

        if (reply != null) {
            if (group) {
                List<Segment> message = new ArrayList<>(reply.size() + 2);
                message.add(Segment.reply(messageId));
                if (atSender) {
                    message.add(Segment.at(userId));
                }
                message.addAll(reply);
                core.sendGroup(groupId, message);
            } else {
                core.sendPrivate(userId, reply);
            }
        }
        if (delete) {
            Moderation.recall(core, messageId);
        }
        if (kick) {
            Moderation.kick(core, groupId, userId);
        }
        if (ban) {
            Moderation.ban(core, groupId, userId, duration);
        }
    }

    private void request(QuickFields event, QuickFields operation) {
        String type = event.string("request_type");
        String flag = event.string("flag");
        Boolean approve = operation.bool("approve", null);
        switch (type) {
            case "friend" -> {
                String remark = operation.optionalString("remark");
                if (approve != null) {
                    RequestAnswers.friend(core, flag, approve, remark);
                }
            }
            case "group" -> {
                String kind = event.string("sub_type");
                if (!kind.equals("add") && !kind.equals("invite")) {
                    throw event.invalid("sub_type", "must be add or invite, not '" + kind + "'");
                }
                operation.optionalString("reason");
                if (approve != null) {
                    RequestAnswers.group(core, flag, kind, approve);
                }
            }
            default -> throw event.invalid("request_type", "must be friend or group, not '" + type + "'");
        }
    }
}
