/**
 * Typed, immutable settings and the single reader that builds them from system properties.
 *
 * <p>{@link io.onebot.gateway.config.SettingsReader} is the only code in the gateway that reads
 * system properties. It validates every value once and fails with a message that names the
 * property, the value and what is allowed. Depends on the JDK and the plain data types of {@code protocol}.
 */
package io.onebot.gateway.config;
