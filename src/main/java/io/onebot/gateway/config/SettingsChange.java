package io.onebot.gateway.config;

import java.util.Objects;

/**
 * A change of the settings while the gateway runs, fired as a CDI event after the new settings are
 * in force. Both sides are valid settings.
 */
public record SettingsChange(GatewaySettings previous, GatewaySettings current) {

    public SettingsChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
    }

    /** Whether something that is only read at startup changed (the core, the sandbox account, the upstream). */
    public boolean needsRedeploy() {
        return previous.core() != current.core() || !previous.sandbox().equals(current.sandbox())
                || !previous.upstream().equals(current.upstream());
    }
}
