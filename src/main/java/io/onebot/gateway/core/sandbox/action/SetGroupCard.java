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
import jakarta.json.JsonObjectBuilder;

/**
 * {@code set_group_card}: sets a member's group card (an empty card clears it). The bot may always
 * change its own card, and others' from a higher role. When the card changed, a
 * {@code group_card} notice follows with {@code card_new} and {@code card_old}: not in OneBot 11,
 * but NapCat and go-cqhttp report it and bots route it.
 */
@ApplicationScoped
public class SetGroupCard extends SandboxAction<SetGroupCard.Params, Void> {

    /** QQ's limit on a card, in characters. */
    static final int MAX_LENGTH = 60;

    /** The group, the member and the new card (default empty). */
    public record Params(@Required long groupId, @Required long userId, String card) {
    }

    @Inject
    SandboxCore core;

    public SetGroupCard() {
        super("set_group_card", Params.class);
    }

    @Override
    public Void handle(Params params, ActionContext context) {
        String card = params.card() == null ? "" : params.card();
        if (card.codePointCount(0, card.length()) > MAX_LENGTH) {
            throw new InvalidParamsException("card", "is longer than " + MAX_LENGTH + " characters");
        }
        JsonObjectBuilder notice = core.world().atomically(() -> {
            Group group = core.group(params.groupId());
            Member bot = GroupRules.bot(core, group);
            Member target = GroupRules.member(group, params.userId());
            if (params.userId() != core.selfId()) {
                GroupRules.requireAdmin(group, bot, "change other members' cards");
                GroupRules.requireAbove(group, bot, target, "change the card of");
            }
            if (target.card().equals(card)) {
                return null;
            }
            core.world().updateGroup(group.groupId(), g -> g.withMember(target.withCard(card)));
            return Jsonp.createObjectBuilder()
                    .add("group_id", group.groupId())
                    .add("user_id", params.userId())
                    .add("card_new", card)
                    .add("card_old", target.card());
        });
        if (notice != null) {
            core.notice("group_card", notice);
        }
        return null;
    }
}
