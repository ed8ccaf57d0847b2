package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.FileResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code get_image}: where an image seen in a message can be had. The sandbox downloads nothing,
 * so the answer's {@code file} is the image's URL, or the {@code file} value its segment carried;
 * an image it has not seen is a failure.
 */
@ApplicationScoped
public class GetImage extends SandboxAction<GetImage.Params, FileResult> {

    /** The image's file name from its message segment. */
    public record Params(@Required String file) {
    }

    @Inject
    SandboxCore core;

    public GetImage() {
        super("get_image", Params.class);
    }

    @Override
    public FileResult handle(Params params, ActionContext context) {
        if (params.file().isBlank()) {
            throw new InvalidParamsException("file", "must not be blank");
        }
        return new FileResult(core.image(params.file()));
    }
}
