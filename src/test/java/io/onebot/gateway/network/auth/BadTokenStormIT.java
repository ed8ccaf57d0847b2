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
 * At least 1000 clients with missing or wrong tokens against the {@code main} server (entry
 * {@code it}, {@code authFailure=frame}, heartbeat every 500 ms), each sending requests the moment
 * it is upgraded, while a client with the right token receives events and heartbeats: every
 * bad client gets the upgrade, NapCat's one 1403 frame and a close with 1008, and nothing else —
 * no lifecycle, heartbeat, event or answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadTokenStormIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @Test
    void refusedClientsGetTheRefusalFrameAndNothingElseWhileEventsFlow() throws Exception {
        StormOnServer.run(new Gateway("127.0.0.1", base), "127.0.0.1", base.getPort(), "it-token", 3,
                Duration.ofSeconds(10), BadTokenStorm::frameModeProblem,
                BadTokenStorm::frameModeRuntimeFault);
    }
}
