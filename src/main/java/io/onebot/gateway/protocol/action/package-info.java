/**
 * API requests ({@code {action, params, echo}}), the response envelope and its return codes.
 * Depends on the JDK and {@code jakarta.json} only.
 */
package io.onebot.gateway.protocol.action;
