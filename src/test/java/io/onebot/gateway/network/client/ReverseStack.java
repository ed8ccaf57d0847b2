package io.onebot.gateway.network.client;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.action.ActionExecutor;
import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.bootstrap.CoreProducer;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.core.sandbox.action.GetLoginInfo;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.HeartbeatService;
import io.onebot.gateway.network.session.Connections;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/**
 * The real reverse-connection stack under Weld SE for the client package's tests: the sandbox
 * core, dispatcher, fan-out, heartbeats, connections and connectors, with the given settings bean
 * and a plain scheduler standing in for the container's managed executors.
 */
final class ReverseStack {

    private ReverseStack() {
    }

    static WeldInitiator with(Class<?> settingsBean, ScheduledExecutorService scheduler) {
        return WeldInitiator.from(new Weld().disableDiscovery()
                        .addBeanClasses(settingsBean, CoreProducer.class, SandboxCore.class, ActionRegistry.class,
                                ActionDispatcher.class, ActionExecutor.class, Deadlines.class, ResponseEncoder.class, EventFanout.class, HeartbeatService.class,
                                Connections.class, ReverseConnections.class)
                        .addPackage(false, GetLoginInfo.class))
                .bindResource("java:comp/DefaultManagedScheduledExecutorService", scheduler)
                .bindResource("java:comp/DefaultManagedExecutorService", scheduler)
                .build();
    }
}
