/**
 * Who may connect: the constant-time access-token check (a pure function), the handshake
 * configurator that applies it to every WebSocket upgrade, and the servlet filter that refuses
 * before the upgrade (HTTP 401/403, host restriction). Depends on {@code config}.
 */
package io.onebot.gateway.network.auth;
