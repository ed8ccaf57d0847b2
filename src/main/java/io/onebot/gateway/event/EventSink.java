package io.onebot.gateway.event;

import io.onebot.gateway.protocol.message.MessageFormat;

/** Somewhere events go: one event-capable connection. */
public interface EventSink {

    /** The configuration entry the connection belongs to. */
    String entryName();

    /** How message events are written for this sink. */
    MessageFormat messageFormat();

    /** Whether messages the bot sent itself are delivered. */
    boolean reportSelfMessage();

    /** Queues one frame; never blocks and never throws. A failing sink closes itself. */
    void send(String frame);
}
