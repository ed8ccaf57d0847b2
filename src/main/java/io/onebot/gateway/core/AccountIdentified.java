package io.onebot.gateway.core;

/**
 * Fired (as a CDI event) when a core learns or changes which account it speaks for, as the
 * upstream core does once the implementation behind it names the account. Work that needs the
 * account's number, such as dialling reverse connections with {@code X-Self-ID}, waits for it.
 *
 * @param selfId   the account's QQ number
 * @param nickname the account's nickname, empty when unknown
 */
public record AccountIdentified(long selfId, String nickname) {
}
