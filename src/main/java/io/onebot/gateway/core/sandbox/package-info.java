/**
 * The sandbox core: a simulated QQ account with friends, groups and members, whose sent and
 * received messages are remembered (bounded) so that {@code get_msg} and {@code delete_msg} work.
 * Events are injected through {@link io.onebot.gateway.core.EventInjector}. Depends on the
 * {@code core} SPI, {@code protocol}, {@code codec} and {@code config}.
 */
package io.onebot.gateway.core.sandbox;
