package io.onebot.gateway.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.action.ActionRegistry;
import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.event.EventFanout;
import io.onebot.gateway.event.HeartbeatService;
import io.onebot.gateway.testsupport.Deployments;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside Payara Micro: the beans are wired as deployed, the configuration comes from the
 * server's system properties, the core is the sandbox, and the container's managed scheduler is
 * what the heartbeat runs on.
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
    void nothingRunsWhileNoConnectionIsOpen() {
        assertNotNull(scheduler, "the container provides a managed scheduler");
        assertEquals(0, fanout.size());
        assertEquals(0, heartbeats.runningTimers());
    }
}
