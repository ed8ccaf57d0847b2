package io.onebot.gateway.network.auth;

import io.onebot.gateway.testsupport.BadTokenStorm;
import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.Gateway;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * At least 1000 clients with missing or wrong tokens against the {@code alt} server (entry
 * {@code alt} on 127.0.0.2, {@code authFailure=http}, no heartbeat), each ready to send requests
 * the moment it is upgraded, while a client with the right token receives events: every bad
 * client gets 401 (no token) or 403 (a wrong one) instead of the upgrade, and no WebSocket frame
 * or gateway content at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadTokenStormHttpIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("alt")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @Test
    void refusedClientsGetTheirHttpStatusAndNothingElseWhileEventsFlow() throws Exception {
        StormOnServer.run(new Gateway("127.0.0.2", base), "127.0.0.2", base.getPort(), "alt-token", 0,
                Duration.ofSeconds(2), BadTokenStorm::httpModeProblem,
                BadTokenStorm::httpModeRuntimeFault);
    }
}
