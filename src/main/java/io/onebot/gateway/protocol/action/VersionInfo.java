package io.onebot.gateway.protocol.action;

/** The implementation's name and version (`get_version_info`). */
public record VersionInfo(String appName, String appVersion, String protocolVersion) {
}
