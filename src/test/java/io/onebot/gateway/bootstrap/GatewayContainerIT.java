package io.onebot.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.HeartbeatService;
import io.onebot.gateway.network.auth.Admission;
import io.onebot.gateway.network.auth.HandshakePolicy;
import io.onebot.gateway.network.auth.Target;
import io.onebot.gateway.testsupport.Deployments;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the server: the beans are wired as deployed, the configuration comes from the server's
 * system properties (and follows them when they change at runtime), the core is the sandbox, and
 * the container's managed scheduler is what the heartbeat runs on.
 */
@ExtendWith(ArquillianExtension.class)
class GatewayContainerIT {

    @Inject
    GatewaySettings settings;

    @Inject
    BotCore core;

    @Inject
    ActionRegistry registry;

    @Inject
    EventFanout fanout;

    @Inject
    HeartbeatService heartbeats;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    HandshakePolicy policy;

    @Deployment
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar().addClass(GatewayContainerIT.class);
    }

    @Test
    void configurationComesFromSystemProperties() {
        var entry = settings.servers().get(0);
        assertEquals("it", entry.name());
        assertEquals(500, entry.heartIntervalMillis());
        assertTrue(entry.requiresToken());
        assertEquals(4242, core.selfId());
        assertEquals("ItBot", core.nickname());
    }

    @Test
    void everyFoundationActionIsRegistered() {
        assertTrue(registry.names().containsAll(Set.of("get_login_info", "get_status", "get_version_info",
                "send_private_msg", "send_group_msg", "send_msg", "get_msg", "delete_msg", "get_friend_list",
                "get_stranger_info", "get_group_list", "get_group_info", "get_group_member_list",
                "get_group_member_info", "can_send_image", "can_send_record", "get_guild_service_profile")),
                registry.names().toString());
        assertTrue(registry.find("send_msg_async").isPresent());
    }

    @Test
    void aTokenChangedAtRuntimeTakesEffectWithoutARedeploy() throws Exception {
        String key = "onebot.network.websocketServers.it.token";
        String before = System.getProperty(key);
        try {
            System.setProperty(key, "rotated-at-runtime");
            assertTrue(eventually(() -> admitted("rotated-at-runtime")), "the new token is accepted");
            assertFalse(admitted(before), "the old one no longer is");
        } finally {
            System.setProperty(key, before);
            assertTrue(eventually(() -> admitted(before)), "and back");
        }
    }

    private boolean admitted(String token) {
        Target target = policy.target("/", -1).orElseThrow();
        return policy.admit(target, null, null, "Bearer " + token, List.of()) == Admission.ACCEPTED;
    }

    /** Waits, without sleeping, until the condition holds; false when it does not within 20 s. */
    private boolean eventually(BooleanSupplier condition) throws InterruptedException {
        CountDownLatch holds = new CountDownLatch(1);
        ScheduledFuture<?> check = scheduler.scheduleWithFixedDelay(() -> {
            if (condition.getAsBoolean()) {
                holds.countDown();
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        try {
            return holds.await(20, TimeUnit.SECONDS);
        } finally {
            check.cancel(false);
        }
    }

    @Test
    void nothingRunsWhileNoConnectionIsOpen() {
        assertNotNull(scheduler, "the container provides a managed scheduler");
        assertEquals(0, fanout.size());
        assertEquals(0, heartbeats.runningTimers());
    }
}
