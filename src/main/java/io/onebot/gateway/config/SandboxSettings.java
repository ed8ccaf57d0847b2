package io.onebot.gateway.config;

/**
 * Settings of the sandbox core, the simulated QQ account.
 *
 * @param selfId          the simulated account's QQ number
 * @param nickname        the simulated account's nickname
 * @param messageCapacity how many messages are kept for {@code get_msg}; older ones are forgotten
 * @param http            whether the sandbox control endpoints ({@code /sandbox/...}) are served
 */
public record SandboxSettings(long selfId, String nickname, int messageCapacity, boolean http) {
}
