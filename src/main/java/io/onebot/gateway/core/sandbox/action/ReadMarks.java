package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.event.MessageEvent;

/**
 * The checks of the mark-as-read actions. The sandbox keeps no unread counts, so marking
 * something read changes nothing; but what is named must exist, so that a client learns of a
 * wrong id here rather than never.
 */
final class ReadMarks {

    private ReadMarks() {
    }

    /** A stored message, which must be a group message when {@code group} and a private one otherwise. */
    static void message(SandboxCore core, int messageId, Boolean group) {
        MessageEvent message = core.message(messageId);
        if (group != null && message.isGroup() != group) {
            throw new ActionFailedException("message " + messageId + " is a " + message.messageType()
                    + " message, not a " + (group ? "group" : "private") + " one");
        }
    }

    static void group(SandboxCore core, long groupId) {
        core.group(groupId);
    }

    static void user(SandboxCore core, long userId) {
        core.person(userId);
    }
}
