package io.onebot.gateway.network.server;

import io.onebot.gateway.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The standard actions on the {@code alt} server, whose entry posts messages in string form. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StandardActionsStringIT extends StandardActionsContract {

    @Deployment(testable = false)
    @TargetsContainer("alt")
    static WebArchive deployment() {
        return Deployments.gatewayWar();
    }

    @Override
    String host() {
        return "127.0.0.2";
    }

    @Override
    String token() {
        return "alt-token";
    }

    @Override
    long selfId() {
        return 5353;
    }

    @Override
    boolean stringFormat() {
        return true;
    }
}
