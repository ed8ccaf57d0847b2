/**
 * Turns wire text into protocol records and back: strict JSON with a JSON5 fallback for
 * requests, the response envelope, events in either message format, and CQ code.
 * Depends on {@code protocol} only.
 */
package io.onebot.gateway.codec;
