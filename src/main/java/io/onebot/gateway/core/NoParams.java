package io.onebot.gateway.core;

/** The parameters of an action that takes none; any {@code params} sent are ignored. */
public record NoParams() {
}
