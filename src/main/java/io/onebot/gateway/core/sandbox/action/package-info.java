/**
 * The sandbox core's actions, one class per OneBot action, each with its parameter record.
 * Depends on the sandbox core, the {@code core} SPI, {@code protocol} and {@code codec}.
 */
package io.onebot.gateway.core.sandbox.action;
