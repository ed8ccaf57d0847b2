package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code set_group_add_request}: answers a pending join request or invitation by its flag.
 * {@code sub_type} and {@code type} are synonyms; when given, they must match the request.
 *
 * <ul>
 *   <li>Approving a join request ({@code add}) needs the bot to be an admin or the owner and room
 *       in the group; the requester becomes a member and {@code group_increase} ({@code approve},
 *       operator the bot) follows.</li>
 *   <li>Approving an invitation ({@code invite}) makes the bot join the group, which it knows only
 *       by name: the inviter is recorded as its owner. {@code group_increase} ({@code invite},
 *       user the bot, operator the inviter) follows.</li>
 *   <li>Rejecting removes the request; {@code reason} would go to the requester, whom the sandbox
 *       does not simulate.</li>
 * </ul>
 */
@ApplicationScoped
public class SetGroupAddRequest extends SandboxAction<SetGroupAddRequest.Params, Void> {

    /** The request's flag, its kind (add or invite, under either name), whether to approve, and why not. */
    public record Params(@Required String flag, String subType, String type, Boolean approve, String reason) {
    }

    @Inject
    SandboxCore core;

    public SetGroupAddRequest() {
        super("set_group_add_request", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        RequestAnswers.group(core, params.flag(), kind(params), params.approve() == null || params.approve());
        return null;
    }

    private static String kind(Params params) {
        String name = params.subType() != null ? "sub_type" : "type";
        String kind = params.subType() != null ? params.subType() : params.type();
        if (kind != null && !kind.equals("add") && !kind.equals("invite")) {
            throw new InvalidParamsException(name, "must be add or invite, not '" + kind + "'");
        }
        return kind;
    }
}
