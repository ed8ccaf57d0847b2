package io.onebot.gateway.protocol.event;

/**
 * The heartbeat meta event.
 *
 * @param interval the heartbeat period in milliseconds
 */
public record HeartbeatEvent(long time, long selfId, BotStatus status, long interval) implements OneBotEvent {

    @Override
    public String postType() {
        return "meta_event";
    }
}
