package io.onebot.gateway.protocol.action;

/**
 * The answer to sending a merged forward: the id of the message that carries it, and the
 * forward's own id under NapCat's name ({@code res_id}) and go-cqhttp's ({@code forward_id}).
 */
public record ForwardResult(int messageId, String resId, String forwardId) {

    public ForwardResult(int messageId, String resId) {
        this(messageId, resId, resId);
    }
}
