package io.onebot.gateway.protocol.action;

/** The answer of `can_send_image` and `can_send_record`. */
public record YesOrNo(boolean yes) {
}
