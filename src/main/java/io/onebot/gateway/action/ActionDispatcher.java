package io.onebot.gateway.action;

import io.onebot.gateway.codec.InvalidRequestException;
import io.onebot.gateway.codec.MalformedRequestException;
import io.onebot.gateway.codec.RequestDecoder;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.ActionRelay;
import io.onebot.gateway.core.ActionTimeoutException;
import io.onebot.gateway.core.BotCore;
import io.onebot.gateway.core.CoreUnavailableException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.protocol.action.ActionRequest;
import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.action.RetCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns one received frame into exactly one answer. This is the only place where failures become
 * return codes: unparsable text is 1400 with NapCat's message, a malformed request or a bad
 * parameter is 1400 naming what is wrong, an unknown action is 1404, an action that fails is
 * 1200, a core that is unavailable is 1503, an action past its time limit is 1504, and an
 * unexpected exception is logged with its stack trace and answered 1200.
 *
 * <p>Answers are asynchronous: a frame that cannot be decoded is answered at once, an action runs
 * on the {@link ActionExecutor} (or goes to the core's {@link ActionRelay}), so a slow call never
 * holds up the next frame of its connection. Answers are matched to requests by {@code echo}.
 */
@ApplicationScoped
public class ActionDispatcher {

    /** NapCat's text for a frame that is not JSON. */
    public static final String PARSE_FAILED = "json解析失败,请检查数据格式";
    /** NapCat's text for an unknown action, followed by the name. */
    public static final String UNKNOWN_ACTION = "不支持的API ";

    private static final Logger LOG = Logger.getLogger(ActionDispatcher.class.getName());

    @Inject
    ActionRegistry registry;

    @Inject
    ResponseEncoder encoder;

    @Inject
    ActionExecutor executor;

    @Inject
    BotCore core;

    /** For CDI. */
    protected ActionDispatcher() {
    }

    /** A dispatcher outside CDI. */
    public ActionDispatcher(BotCore core, ActionRegistry registry, ResponseEncoder encoder, ActionExecutor executor) {
        this.core = core;
        this.registry = registry;
        this.encoder = encoder;
        this.executor = executor;
    }

    /** Answers one frame with one JSON text, when the answer is ready. */
    public CompletionStage<String> handle(String frame, ActionContext context) {
        ActionRequest request;
        try {
            request = decode(frame);
        } catch (InvalidRequestException e) {
            return CompletableFuture.completedFuture(
                    encoder.encode(ActionResponse.failed(RetCode.BAD_REQUEST, e.getMessage(), e.echo())));
        } catch (MalformedRequestException e) {
            return CompletableFuture.completedFuture(
                    encoder.encode(ActionResponse.failed(RetCode.BAD_REQUEST, PARSE_FAILED, JsonValue.NULL)));
        }
        Optional<ActionRelay> relay = core.relay();
        if (relay.isPresent()) {
            return relay.get().forward(request, context).handle((answer, failure) ->
                    failure == null ? answer.toString() : encoder.encode(failure(request, failure)));
        }
        return dispatch(request, context).thenApply(response -> encode(response));
    }

    /** Answers one frame, run by the core's own actions. */
    public CompletionStage<ActionResponse> respond(String frame, ActionContext context) {
        ActionRequest request;
        try {
            request = decode(frame);
        } catch (InvalidRequestException e) {
            return CompletableFuture.completedFuture(
                    ActionResponse.failed(RetCode.BAD_REQUEST, e.getMessage(), e.echo()));
        } catch (MalformedRequestException e) {
            return CompletableFuture.completedFuture(
                    ActionResponse.failed(RetCode.BAD_REQUEST, PARSE_FAILED, JsonValue.NULL));
        }
        return dispatch(request, context);
    }

    /** Runs one decoded request on the core's own actions, within the action time limit. */
    public CompletionStage<ActionResponse> dispatch(ActionRequest request, ActionContext context) {
        var action = registry.find(request.action());
        if (action.isEmpty()) {
            return CompletableFuture.completedFuture(
                    ActionResponse.failed(RetCode.UNKNOWN_ACTION, UNKNOWN_ACTION + request.action(), request.echo()));
        }
        return executor.run(request.action(), () -> action.get().run(request.params(), context))
                .handle((data, failure) -> failure == null
                        ? ActionResponse.ok(data, request.echo())
                        : failure(request, failure));
    }

    /**
     * Decodes a frame. Whatever a parser throws on text no rule anticipated (a runtime exception,
     * or a stack overflow on input the nesting check missed) is the client's unparsable frame, not
     * a failure of the gateway: it is answered 1400 like any other, and logged only at FINE.
     */
    private static ActionRequest decode(String frame) throws MalformedRequestException, InvalidRequestException {
        try {
            return RequestDecoder.decode(frame);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.FINE, e, () -> "A frame could not be decoded");
            throw new MalformedRequestException(e.getClass().getSimpleName());
        }
    }

    private String encode(ActionResponse response) {
        try {
            return encoder.encode(response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "The result of an action could not be written as JSON");
            return encoder.encode(ActionResponse.failed(RetCode.ACTION_FAILED,
                    "internal error: the result could not be written as JSON", response.echo()));
        }
    }

    /** The one mapping of a failure to its answer. */
    private static ActionResponse failure(ActionRequest request, Throwable thrown) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof InvalidParamsException) {
            return ActionResponse.failed(RetCode.BAD_REQUEST, e.getMessage(), request.echo());
        }
        if (e instanceof ActionFailedException) {
            return ActionResponse.failed(RetCode.ACTION_FAILED, e.getMessage(), request.echo());
        }
        if (e instanceof CoreUnavailableException) {
            return ActionResponse.failed(RetCode.UNAVAILABLE, e.getMessage(), request.echo());
        }
        if (e instanceof ActionTimeoutException) {
            return ActionResponse.failed(RetCode.TIMEOUT, e.getMessage(), request.echo());
        }
        Throwable unexpected = e;
        LOG.log(Level.SEVERE, unexpected, () -> "Action " + request.action() + " failed unexpectedly");
        return ActionResponse.failed(RetCode.ACTION_FAILED,
                "internal error in " + request.action() + ": " + unexpected.getClass().getSimpleName(), request.echo());
    }
}
