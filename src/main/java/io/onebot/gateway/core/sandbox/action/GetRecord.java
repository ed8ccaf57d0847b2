package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.core.sandbox.SandboxCore;
import io.onebot.gateway.protocol.action.FileResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * {@code get_record}: where a voice record seen in a message can be had. The sandbox converts
 * nothing: after checking {@code out_format}, the answer's {@code file} is the record's URL, or
 * the {@code file} value its segment carried; a record it has not seen is a failure.
 */
@ApplicationScoped
public class GetRecord extends SandboxAction<GetRecord.Params, FileResult> {

    /** The formats OneBot 11 lists. */
    static final List<String> FORMATS = List.of("mp3", "amr", "wma", "m4a", "spx", "ogg", "wav", "flac");

    /** The record's file name from its message segment, and the wanted format. */
    public record Params(@Required String file, @Required String outFormat) {
    }

    @Inject
    SandboxCore core;

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
        return new FileResult(core.voiceRecord(params.file()));
    }
}
