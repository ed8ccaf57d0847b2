package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.protocol.action.VersionInfo;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code get_version_info}: this implementation's name and version, and OneBot v11. */
@ApplicationScoped
public class GetVersionInfo extends SandboxAction<NoParams, VersionInfo> {

    static final String APP_NAME = "OneBot Gateway (sandbox)";

    public GetVersionInfo() {
        super("get_version_info", NoParams.class);
    }

    @Override
    public VersionInfo handle(NoParams params, ActionContext context) {
        String version = GetVersionInfo.class.getPackage().getImplementationVersion();
        return new VersionInfo(APP_NAME, version == null ? "development" : version, "v11");
    }
}
