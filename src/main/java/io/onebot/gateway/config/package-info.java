/**
 * Typed, immutable settings and the single reader that builds them from system properties.
 *
 * <p>{@link io.onebot.gateway.config.SettingsReader} is the only code in the gateway that reads
 * system properties. It validates every value once and fails with a message that names the
 * property, the value and what is allowed. A NapCat {@code onebot11*.json} file named by
 * {@code onebot.config} is imported first. Depends on the JDK, the plain data types of
 * {@code protocol}, and {@code codec} for reading NapCat's JSON5 files.
 */
package io.onebot.gateway.config;
