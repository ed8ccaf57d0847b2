package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.ActionFailedException;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.protocol.action.FileResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * {@code get_record}: would convert a received voice record to {@code out_format}. The sandbox
 * keeps no media, so after checking the parameters it says that no such record exists.
 */
@ApplicationScoped
public class GetRecord extends SandboxAction<GetRecord.Params, FileResult> {

    /** The formats OneBot 11 lists. */
    static final List<String> FORMATS = List.of("mp3", "amr", "wma", "m4a", "spx", "ogg", "wav", "flac");

    /** The record's file name from its message segment, and the wanted format. */
    public record Params(@Required String file, @Required String outFormat) {
    }

    public GetRecord() {
        super("get_record", Params.class);
    }

    @Override
    public FileResult handle(Params params, ActionContext context) {
        if (params.file().isBlank()) {
            throw new InvalidParamsException("file", "must not be blank");
        }
        if (!FORMATS.contains(params.outFormat())) {
            throw new InvalidParamsException("out_format", "must be one of " + FORMATS + ", not '" + params.outFormat() + "'");
        }
        throw new ActionFailedException("record '" + params.file() + "' does not exist: the sandbox keeps no media files");
    }
}
