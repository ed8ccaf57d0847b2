package io.onebot.gateway.config;

import java.util.List;

/** Thrown when the gateway's settings are invalid; the message lists every problem found. */
public final class ConfigurationException extends RuntimeException {

    private final List<String> problems;

    public ConfigurationException(List<String> problems) {
        super("Invalid OneBot gateway configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence naming the property, the value and what is allowed. */
    public List<String> problems() {
        return problems;
    }
}
