package io.onebot.gateway.network.server;

import io.onebot.gateway.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The standard actions on the {@code main} server, whose entry posts messages in array form. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StandardActionsIT extends StandardActionsContract {

    @Deployment(testable = false)
    @TargetsContainer("main")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @Override
    String host() {
        return "127.0.0.1";
    }

    @Override
    String token() {
        return "it-token";
    }

    @Override
    long selfId() {
        return 4242;
    }

    @Override
    boolean stringFormat() {
        return false;
    }
}
