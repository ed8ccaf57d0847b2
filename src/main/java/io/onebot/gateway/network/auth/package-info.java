/**
 * Who may connect: the constant-time access-token check (a pure function, and the only place a
 * presented token is compared), the handshake configurator that applies it to every WebSocket
 * upgrade, the servlet filter that refuses before the upgrade (HTTP 401/403, host restriction,
 * 503 for an entry at its {@code maxConnections}), and the count of each entry's admitted
 * connections. Depends on {@code config}.
 */
package io.onebot.gateway.network.auth;
