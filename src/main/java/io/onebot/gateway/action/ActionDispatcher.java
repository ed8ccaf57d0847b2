package io.onebot.gateway.action;

import io.onebot.gateway.codec.InvalidRequestException;
import io.onebot.gateway.codec.MalformedRequestException;
import io.onebot.gateway.codec.RequestDecoder;
import io.onebot.gateway.codec.ResponseEncoder;
import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.protocol.action.ActionRequest;
import io.onebot.gateway.protocol.action.ActionResponse;
import io.onebot.gateway.protocol.action.RetCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns one received frame into exactly one answer. This is the only place where failures become
 * return codes: unparsable text is 1400 with NapCat's message, a malformed request or a bad
 * parameter is 1400 naming what is wrong, an unknown action is 1404, an action that fails is
 * 1200, and an unexpected exception is logged with its stack trace and answered 1200.
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

    /** For CDI. */
    protected ActionDispatcher() {
    }

    /** A dispatcher outside CDI. */
    public ActionDispatcher(ActionRegistry registry, ResponseEncoder encoder) {
        this.registry = registry;
        this.encoder = encoder;
    }

    /** Answers one frame with one JSON text. */
    public String handle(String frame, ActionContext context) {
        ActionResponse response = respond(frame, context);
        try {
            return encoder.encode(response);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "The result of an action could not be written as JSON");
            return encoder.encode(ActionResponse.failed(RetCode.ACTION_FAILED,
                    "internal error: the result could not be written as JSON", response.echo()));
        }
    }

    /** Answers one frame. */
    public ActionResponse respond(String frame, ActionContext context) {
        ActionRequest request;
        try {
            request = RequestDecoder.decode(frame);
        } catch (MalformedRequestException e) {
            return ActionResponse.failed(RetCode.BAD_REQUEST, PARSE_FAILED, JsonValue.NULL);
        } catch (InvalidRequestException e) {
            return ActionResponse.failed(RetCode.BAD_REQUEST, e.getMessage(), e.echo());
        }
        return dispatch(request, context);
    }

    /** Runs one decoded request. */
    public ActionResponse dispatch(ActionRequest request, ActionContext context) {
        var action = registry.find(request.action());
        if (action.isEmpty()) {
            return ActionResponse.failed(RetCode.UNKNOWN_ACTION, UNKNOWN_ACTION + request.action(), request.echo());
        }
        try {
            return ActionResponse.ok(action.get().run(request.params(), context), request.echo());
        } catch (InvalidParamsException e) {
            return ActionResponse.failed(RetCode.BAD_REQUEST, e.getMessage(), request.echo());
        } catch (ActionFailedException e) {
            return ActionResponse.failed(RetCode.ACTION_FAILED, e.getMessage(), request.echo());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "Action " + request.action() + " failed unexpectedly");
            return ActionResponse.failed(RetCode.ACTION_FAILED,
                    "internal error in " + request.action() + ": " + e.getClass().getSimpleName(), request.echo());
        }
    }
}
