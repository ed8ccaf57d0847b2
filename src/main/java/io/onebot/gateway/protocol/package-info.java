/**
 * The OneBot 11 wire model: plain records and enums for requests, responses, events and
 * messages. Holds data, not logic. Depends on the JDK and {@code jakarta.json} only.
 */
package io.onebot.gateway.protocol;
