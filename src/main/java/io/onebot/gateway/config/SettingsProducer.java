package io.onebot.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Holds the settings in force: read and validated the first time anything needs them, and read
 * again on {@link #reload()}. A reload whose values are invalid changes nothing and says why; a
 * valid one replaces the settings as a whole. Each effective configuration is logged once, tokens
 * masked.
 */
@ApplicationScoped
public class SettingsProducer implements Settings {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    private final Supplier<GatewaySettings> reader;
    private volatile GatewaySettings settings;
    private volatile String lastRefusal;

    /** Settings from the system properties. */
    public SettingsProducer() {
        this(SettingsReader::fromSystemProperties);
    }

    SettingsProducer(Supplier<GatewaySettings> reader) {
        this.reader = reader;
    }

    /** The gateway's settings; throws {@link ConfigurationException} when they are invalid. */
    @Produces
    @Dependent
    public GatewaySettings settings() {
        return current();
    }

    @Override
    public GatewaySettings current() {
        GatewaySettings current = settings;
        if (current == null) {
            synchronized (this) {
                current = settings;
                if (current == null) {
                    current = reader.get();
                    log(current);
                    settings = current;
                }
            }
        }
        return current;
    }

    /** Reads the settings again; returns the change when they differ and are valid. */
    public synchronized Optional<SettingsChange> reload() {
        GatewaySettings previous = current();
        GatewaySettings next;
        try {
            next = reader.get();
        } catch (ConfigurationException e) {
            if (!e.getMessage().equals(lastRefusal)) {
                lastRefusal = e.getMessage();
                LOG.severe(() -> "The changed configuration is not applied; the previous one stays in force. "
                        + e.getMessage());
            }
            return Optional.empty();
        }
        lastRefusal = null;
        if (next.equals(previous)) {
            return Optional.empty();
        }
        settings = next;
        log(next);
        return Optional.of(new SettingsChange(previous, next));
    }

    private static void log(GatewaySettings settings) {
        settings.notes().forEach(LOG::warning);
        LOG.info(() -> "OneBot gateway configuration: core=" + settings.core().name().toLowerCase(Locale.ROOT)
                + ", actionTimeout=" + settings.actionTimeout().toMillis()
                + ", " + (settings.core() == CoreKind.UPSTREAM ? settings.upstream() : settings.sandbox())
                + ", servers=" + settings.servers() + ", clients=" + settings.clients());
    }
}
