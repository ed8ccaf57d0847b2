package io.onebot.gateway.core;

import io.onebot.gateway.protocol.action.ActionRequest;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletionStage;

/**
 * A core that does not run actions itself but hands every call to another OneBot 11
 * implementation, as the upstream core does. The dispatcher gives it each decoded request
 * whatever its action name; the relay answers with the implementation's response envelope,
 * carrying the caller's own {@code echo} and messages in the caller's format.
 */
public interface ActionRelay {

    /**
     * Forwards one call.
     *
     * @return the complete answer; completes exceptionally with {@link CoreUnavailableException}
     *         when the implementation is not connected and {@link ActionTimeoutException} when it
     *         did not answer in time
     */
    CompletionStage<JsonObject> forward(ActionRequest request, ActionContext context);
}
