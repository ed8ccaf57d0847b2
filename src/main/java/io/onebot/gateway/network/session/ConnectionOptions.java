package io.onebot.gateway.network.session;

import io.onebot.gateway.config.ClientEntry;
import io.onebot.gateway.config.ServerEntry;
import io.onebot.gateway.protocol.message.MessageFormat;

/**
 * The per-entry options a connection needs.
 *
 * @param entryName         the configuration entry's name
 * @param messageFormat     how messages are written in events and results
 * @param reportSelfMessage whether self-sent messages are delivered
 * @param debug             whether every frame in and out is logged
 */
public record ConnectionOptions(String entryName, MessageFormat messageFormat, boolean reportSelfMessage,
                                boolean debug) {

    /** The options of a forward server entry. */
    public static ConnectionOptions of(ServerEntry entry) {
        return new ConnectionOptions(entry.name(), entry.messagePostFormat(), entry.reportSelfMessage(), entry.debug());
    }

    /** The options of a reverse client entry. */
    public static ConnectionOptions of(ClientEntry entry) {
        return new ConnectionOptions(entry.name(), entry.messagePostFormat(), entry.reportSelfMessage(), entry.debug());
    }
}
