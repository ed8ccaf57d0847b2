package io.onebot.gateway.testsupport;

import io.onebot.gateway.action.ActionDispatcher;
import io.onebot.gateway.action.ActionExecutor;
import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.bootstrap.CoreProducer;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.core.Deadlines;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.sandbox.action.GetLoginInfo;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.HeartbeatService;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.network.client.ReverseConnections;
import io.onebot.gateway.network.server.ForwardConnections;
import io.onebot.gateway.network.session.Connections;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.WeldInitiator;

/**
 * The real gateway under Weld SE for the Weld tests: the sandbox core, registry, dispatcher and
 * action executor, fan-out, heartbeats and connections, plus the forward or the reverse side, with
 * the test's settings bean and a plain scheduler standing in for the container's managed executors.
 * One wiring, so that a bean added to the gateway is added to every such test at once.
 */
public final class GatewayStack {

    private static final Class<?>[] CORE = {CoreProducer.class, SandboxCore.class, ActionRegistry.class,
            ActionDispatcher.class, ActionExecutor.class, Deadlines.class, ResponseEncoder.class, EventFanout.class,
            HeartbeatService.class, Connections.class};

    private GatewayStack() {
    }

    /** The forward side: handshake policy and forward connections (the endpoints are the server's). */
    public static WeldInitiator forward(Class<?> settingsBean, ScheduledExecutorService scheduler) {
        return with(scheduler, settingsBean, HandshakePolicy.class, ForwardConnections.class);
    }

    /** The reverse side: the connectors of the reverse entries. */
    public static WeldInitiator reverse(Class<?> settingsBean, ScheduledExecutorService scheduler) {
        return with(scheduler, settingsBean, ReverseConnections.class);
    }

    private static WeldInitiator with(ScheduledExecutorService scheduler, Class<?>... beans) {
        return WeldInitiator.from(new Weld().disableDiscovery()
                        .addBeanClasses(Stream.concat(Stream.of(CORE), Stream.of(beans)).toArray(Class<?>[]::new))
                        .addPackage(false, GetLoginInfo.class))
                .bindResource("java:comp/DefaultManagedScheduledExecutorService", scheduler)
                .bindResource("java:comp/DefaultManagedExecutorService", scheduler)
                .build();
    }
}
