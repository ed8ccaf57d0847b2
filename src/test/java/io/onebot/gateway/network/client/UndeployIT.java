package io.onebot.gateway.network.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.onebot.gateway.testsupport.Deployments;
import io.onebot.gateway.testsupport.FrameworkServer;
import io.onebot.gateway.testsupport.FrameworkServer.Peer;
import jakarta.websocket.CloseReason;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Taking the WAR away (an undeploy on WildFly; on Payara Micro, whose test adapter runs one server
 * per deployment, the server's shutdown) closes the reverse connection with 1001, and the
 * connector dials no more: no old connector outlives its application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UndeployIT {

    private static final int PORT = Integer.getInteger("it.reverse.port", 18765);
    private static final String DEPLOYMENT = "stopping";
    /** The alt server's reconnectInterval is 1000 ms: several intervals without a dial prove it stopped. */
    private static final long NO_REDIAL_WITHIN = 5 * 1000;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer("alt")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @Test
    void undeployClosesTheReverseConnectionWith1001AndStopsDialling() throws Exception {
        try (FrameworkServer framework = FrameworkServer.start(PORT)) {
            FrameworkServer.reset();
            deployer.deploy(DEPLOYMENT);
            Peer peer = FrameworkServer.nextPeer(120_000);
            assertNotNull(peer, "the deployed gateway dials the framework");

            deployer.undeploy(DEPLOYMENT);

            CloseReason reason = FrameworkServer.nextClose(60_000);
            assertNotNull(reason, "the connection closes when the application goes away");
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode(), reason.toString());
            assertNull(FrameworkServer.nextPeer(NO_REDIAL_WITHIN), "no connector dials after the undeploy");
        }
    }
}
