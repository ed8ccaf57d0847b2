package io.onebot.gateway.config;

import io.onebot.gateway.protocol.message.MessageFormat;
import java.net.URI;

/**
 * One {@code onebot.network.websocketClients.<name>} entry: a reverse WebSocket connection that
 * the gateway dials to a bot framework and keeps dialling.
 *
 * @param name                    the entry's name, the middle part of its property names
 * @param enable                  whether the connection is made at all
 * @param url                     where to connect ({@code ws://} or {@code wss://})
 * @param token                   sent as {@code Authorization: Bearer <token>}; empty sends none
 * @param reconnectIntervalMillis the fixed wait before every new attempt
 * @param handshakeTimeoutMillis  how long one attempt may take to connect and complete its
 *                                handshake before it counts as failed
 * @param heartIntervalMillis     heartbeat period; zero or less disables heartbeats
 * @param messagePostFormat       how message events are written for this entry
 * @param reportSelfMessage       whether messages sent by the bot itself are delivered
 * @param debug                   log every frame in and out of this connection
 * @param verifyCertificate       whether a {@code wss://} server's certificate is checked
 */
public record ClientEntry(
        String name,
        boolean enable,
        URI url,
        String token,
        long reconnectIntervalMillis,
        long handshakeTimeoutMillis,
        long heartIntervalMillis,
        MessageFormat messagePostFormat,
        boolean reportSelfMessage,
        boolean debug,
        boolean verifyCertificate) {

    /** The URL as it may be logged: without user info or query, where credentials may hide. */
    public String displayUrl() {
        return redact(url.toString());
    }

    /**
     * A text about this entry, such as a failure message from the WebSocket client, as it may be
     * logged: the URL shown as {@link #displayUrl()}, and its user info, its query and the token
     * masked wherever else they appear.
     */
    public String masked(String text) {
        String shown = text.replace(url.toString(), displayUrl());
        for (String secret : new String[] {url.getRawUserInfo(), url.getUserInfo(), url.getRawQuery(), url.getQuery()}) {
            if (secret != null && !secret.isEmpty()) {
                shown = shown.replace(secret, "…");
            }
        }
        return token.isEmpty() ? shown : shown.replace(token, "******");
    }

    /** A URL text without user info or query. */
    static String redact(String url) {
        String shown = url.replaceFirst("//[^/@]*@", "//");
        int query = shown.indexOf('?');
        return query < 0 ? shown : shown.substring(0, query) + "?…";
    }

    /** The entry as it may be logged: the token is masked. */
    @Override
    public String toString() {
        return "websocketClients." + name + "{enable=" + enable + ", url=" + displayUrl()
                + ", token=" + (token.isEmpty() ? "(none)" : "******")
                + ", reconnectInterval=" + reconnectIntervalMillis + ", handshakeTimeout=" + handshakeTimeoutMillis
                + ", heartInterval=" + heartIntervalMillis
                + ", messagePostFormat=" + messagePostFormat.wireName() + ", reportSelfMessage=" + reportSelfMessage
                + ", debug=" + debug + ", verifyCertificate=" + verifyCertificate + "}";
    }
}
