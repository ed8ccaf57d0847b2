package io.onebot.gateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of the sandbox core, the simulated QQ account.
 *
 * @param selfId          the simulated account's QQ number
 * @param nickname        the simulated account's nickname
 * @param messageCapacity how many messages are kept for {@code get_msg}; older ones are forgotten
 * @param http            whether the sandbox control endpoints ({@code /sandbox/...}) are served
 * @param worldFile       the world file the world was read from ({@code onebot.sandbox.world}), if any
 * @param world           the world the account starts in (and returns to on reset): the file's, or the built-in one
 */
public record SandboxSettings(long selfId, String nickname, int messageCapacity, boolean http,
                              Optional<Path> worldFile, WorldDefinition world) {
}
