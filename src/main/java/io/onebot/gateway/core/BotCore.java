package io.onebot.gateway.core;

import io.onebot.gateway.protocol.event.BotStatus;
import java.util.Collection;
import java.util.Optional;

/**
 * A bot core: the account the gateway speaks for. Events are not part of this interface: a core
 * fires them as CDI events of type {@link io.onebot.gateway.protocol.event.OneBotEvent}.
 */
public interface BotCore {

    /** The account's QQ number ({@code self_id}). */
    long selfId();

    /** The account's nickname. */
    String nickname();

    /** Whether the account is online and healthy, as heartbeats and {@code get_status} report. */
    BotStatus status();

    /** Every action this core executes, each under its wire name. */
    Collection<ActionHandler<?, ?>> actions();

    /**
     * The relay every call goes to, for a core that forwards calls rather than running them (the
     * upstream core); {@link #actions()} is then empty.
     */
    default Optional<ActionRelay> relay() {
        return Optional.empty();
    }

    /** The core's event injection facility, if it has one (the sandbox does). */
    default Optional<EventInjector> injector() {
        return Optional.empty();
    }

    /** The core's control surface for simulated people, if it has one (the sandbox does). */
    default Optional<CoreControl> control() {
        return Optional.empty();
    }
}
