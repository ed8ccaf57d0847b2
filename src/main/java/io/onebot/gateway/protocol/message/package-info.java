/**
 * Wire model of OneBot 11 messages: one record per segment type (text, at, image, reply, node
 * and the rest, plus {@link io.onebot.gateway.protocol.message.Unknown} for types without one),
 * their array form, and the reading of a segment's data with errors that name its position.
 * Plain data, depends on the JDK and jakarta.json only; the CQ code form is the codec's.
 */
package io.onebot.gateway.protocol.message;
