package io.onebot.gateway.core.sandbox.action;

import io.onebot.gateway.core.ActionContext;
import io.onebot.gateway.core.NoParams;
import io.onebot.gateway.core.sandbox.SandboxAction;
import io.onebot.gateway.protocol.action.VersionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** {@code get_version_info}: this implementation's name and version, and OneBot v11. */
@ApplicationScoped
public class GetVersionInfo extends SandboxAction<NoParams, VersionInfo> {

    static final String APP_NAME = "OneBot Gateway (sandbox)";
    private static final String VERSION = readVersion();

    public GetVersionInfo() {
        super("get_version_info", NoParams.class);
    }

    @Override
    public VersionInfo handle(NoParams params, ActionContext context) {
        return new VersionInfo(APP_NAME, VERSION, "v11");
    }

    /** The project version, written into {@code version.properties} by the build. */
    private static String readVersion() {
        Properties properties = new Properties();
        try (InputStream in = GetVersionInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Unknown version: reported as such.
        }
        return properties.getProperty("version", "unknown");
    }
}
