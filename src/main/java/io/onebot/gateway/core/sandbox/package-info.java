/**
 * The sandbox core: a simulated QQ account with friends, groups and members, whose sent and
 * received messages are remembered (bounded, per conversation) so that {@code get_msg},
 * {@code delete_msg} and the history actions work, with the forwards it sent and its groups'
 * essence messages.
 * Events are injected through {@link io.onebot.gateway.core.EventInjector}. Depends on the
 * {@code core} SPI, {@code protocol}, {@code codec} and {@code config}.
 */
package io.onebot.gateway.core.sandbox;
