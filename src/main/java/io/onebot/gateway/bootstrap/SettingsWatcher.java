package io.onebot.gateway.bootstrap;

import io.onebot.gateway.config.SettingsChange;
import io.onebot.gateway.config.SettingsProducer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notices settings changed while the gateway runs (a system property set in the admin console or
 * with asadmin / jboss-cli) and fires a {@link SettingsChange} for the parts that apply them. Java
 * has no notification for system properties, so they are read again every
 * {@link #CHECK_INTERVAL_SECONDS} seconds on the managed scheduler.
 */
@ApplicationScoped
public class SettingsWatcher {

    /** How often the settings are read again. */
    static final long CHECK_INTERVAL_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(SettingsWatcher.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    @Inject
    SettingsProducer settings;

    @Inject
    Event<SettingsChange> changes;

    private ScheduledFuture<?> task;

    /** Starts watching; calling it again does nothing. */
    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::check, CHECK_INTERVAL_SECONDS, CHECK_INTERVAL_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    /** Reads the settings again and announces a change. */
    void check() {
        try {
            settings.reload().ifPresent(change -> {
                if (change.needsRedeploy()) {
                    LOG.warning("onebot.core, onebot.sandbox.* or onebot.upstream.* changed: they take effect after a redeploy");
                }
                changes.fire(change);
            });
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log and keep watching.
            LOG.log(Level.WARNING, "Applying changed settings failed", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
