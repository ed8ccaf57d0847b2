package io.onebot.gateway.protocol.event;

/**
 * The lifecycle meta event; the gateway sends {@code sub_type:"connect"} as the first frame of
 * every event connection.
 */
public record LifecycleEvent(long time, long selfId, String subType) implements OneBotEvent {

    public static final String CONNECT = "connect";

    /** The {@code connect} event for the given moment and account. */
    public static LifecycleEvent connect(long time, long selfId) {
        return new LifecycleEvent(time, selfId, CONNECT);
    }

    @Override
    public String postType() {
        return "meta_event";
    }
}
