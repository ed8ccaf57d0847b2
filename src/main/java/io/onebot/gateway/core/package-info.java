/**
 * The bot core SPI: what the network layer needs from the QQ side. A core has an identity and
 * an online state ({@link io.onebot.gateway.core.BotCore}), executes actions
 * ({@link io.onebot.gateway.core.ActionHandler}, one class per action) and emits
 * {@link io.onebot.gateway.protocol.event.OneBotEvent}s as CDI events, so it never sees a
 * connection. Which core runs is chosen by {@code onebot.core}. Depends on {@code protocol}.
 */
package io.onebot.gateway.core;
