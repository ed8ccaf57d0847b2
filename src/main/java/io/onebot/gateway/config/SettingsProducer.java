package io.onebot.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Reads the settings once, the first time anything needs them, and hands the same validated
 * instance to every injection point. The effective configuration is logged once, tokens masked.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    private volatile GatewaySettings settings;

    /** The gateway's settings; throws {@link ConfigurationException} when they are invalid. */
    @Produces
    @Dependent
    public GatewaySettings settings() {
        GatewaySettings current = settings;
        if (current == null) {
            synchronized (this) {
                current = settings;
                if (current == null) {
                    current = SettingsReader.fromSystemProperties();
                    GatewaySettings loaded = current;
                    LOG.info(() -> "OneBot gateway configuration: core=" + loaded.core().name().toLowerCase(Locale.ROOT)
                            + ", " + loaded.sandbox() + ", servers=" + loaded.servers());
                    settings = current;
                }
            }
        }
        return current;
    }
}
