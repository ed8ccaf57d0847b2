/**
 * The bot core SPI: what the network layer needs from the QQ side. A core has an identity and
 * an online state ({@link io.onebot.gateway.core.BotCore}), executes actions
 * ({@link io.onebot.gateway.core.ActionHandler}, one class per action) or relays them
 * ({@link io.onebot.gateway.core.ActionRelay}), and emits
 * {@link io.onebot.gateway.protocol.event.OneBotEvent}s as CDI events, so it never sees a
 * connection. The failures a core may report beyond a failed action (unavailable, too slow) and
 * the {@link io.onebot.gateway.core.Deadlines} that bound calls in flight live here too, with
 * {@link io.onebot.gateway.core.ClientFrames}, which the upstream core and the reverse connections
 * share to dial with room for NapCat's largest frames. Which
 * core runs is chosen by {@code onebot.core}. Depends on {@code protocol}, {@code codec} and
 * {@code config}.
 */
package io.onebot.gateway.core;
