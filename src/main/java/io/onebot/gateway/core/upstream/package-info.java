/**
 * The upstream core ({@code onebot.core=upstream}): the gateway in front of a real OneBot 11
 * implementation such as NapCat. One WebSocket connection to the implementation's forward server
 * ({@link io.onebot.gateway.core.upstream.UpstreamLink}), re-dialled at a fixed interval; its
 * events go to every client through the normal fan-out; every API call from any client is relayed
 * with an echo unique to the gateway and answered to the client that asked, with its own echo
 * ({@link io.onebot.gateway.core.upstream.UpstreamCore}). Depends on {@code protocol},
 * {@code codec}, {@code config} and the {@code core} SPI.
 */
package io.onebot.gateway.core.upstream;
