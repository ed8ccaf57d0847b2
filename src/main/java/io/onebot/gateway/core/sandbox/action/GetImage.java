package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.protocol.action.FileResult;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code get_image}: would download a received image. The sandbox keeps no media, so after
 * checking the parameter it says that no such image exists.
 */
@ApplicationScoped
public class GetImage extends SandboxAction<GetImage.Params, FileResult> {

    /** The image's file name from its message segment. */
    public record Params(@Required String file) {
    }

    public GetImage() {
        super("get_image", Params.class);
    }

    @Override
    public FileResult handle(Params params, ActionContext context) {
        if (params.file().isBlank()) {
            throw new InvalidParamsException("file", "must not be blank");
        }
        throw new ActionFailedException("image '" + params.file() + "' does not exist: the sandbox keeps no media files");
    }
}
