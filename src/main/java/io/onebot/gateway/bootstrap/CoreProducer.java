package io.onebot.gateway.bootstrap;

import io.onebot.gateway.config.GatewaySettings;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.core.upstream.UpstreamCore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Makes the core named by {@code onebot.core} the {@link BotCore} everyone else sees. */
@ApplicationScoped
public class CoreProducer {

    @Produces
    BotCore core(GatewaySettings settings, Instance<SandboxCore> sandbox, Instance<UpstreamCore> upstream) {
        return switch (settings.core()) {
            case SANDBOX -> sandbox.get();
            case UPSTREAM -> upstream.get();
        };
    }

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
