package io.onebot.gateway.protocol.event;

/** An event pushed to OneBot clients. Every event has {@code time}, {@code self_id} and {@code post_type}. */
public sealed interface OneBotEvent permits LifecycleEvent, HeartbeatEvent, MessageEvent, GenericEvent {

    /** Unix time in seconds. */
    long time();

    /** The bot account's QQ number. */
    long selfId();

    /** OneBot's {@code post_type}: {@code message}, {@code message_sent}, {@code notice}, {@code request} or {@code meta_event}. */
    String postType();
}
