package io.onebot.gateway.protocol.action;

import jakarta.json.JsonObject;

/** The answer of {@code get_status}: OneBot's {@code online} and {@code good}, plus NapCat's {@code stat}. */
public record StatusInfo(boolean online, boolean good, JsonObject stat) {
}
