/**
 * Wire model of OneBot 11 messages: segments, each a type name with its data object, as they
 * appear in API parameters and events. Plain data, depends on the JDK and jakarta.json only.
 */
package io.onebot.gateway.protocol.message;
