/**
 * A load tool for OneBot 11 WebSocket servers, shipped with the project but kept out of the WAR
 * (it lives with the test sources and runs through the {@code bench} Maven profile).
 *
 * <p>It measures what the gateway costs compared to NapCat's network loop: API round trips,
 * event fan-out through an injection URL, idle-connection memory, a burst to thousands of
 * connections and the effect of one client that never reads. Server figures (CPU seconds, RSS,
 * heap after GC) come from {@code /proc} and {@code jcmd} when the server's pid is given, so the
 * same tool measures the gateway and any other OneBot 11 server on the same machine.
 * {@link io.onebot.gateway.bench.BenchComparison} puts two result files side by side.
 */
package io.onebot.gateway.bench;
