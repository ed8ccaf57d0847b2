package io.onebot.gateway.protocol.message;

import java.util.Locale;

/** How a message is written on the wire: OneBot 11's {@code message_format}. */
public enum MessageFormat {
    /** A JSON array of {@code {type, data}} segments (NapCat's default). */
    ARRAY,
    /** A CQ-code string. */
    STRING;

    /** The name used on the wire ({@code message_format}) and in configuration. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
