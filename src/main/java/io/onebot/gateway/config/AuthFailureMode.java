package io.onebot.gateway.config;

/** How a forward connection with a missing or wrong token is refused. */
public enum AuthFailureMode {
    /** NapCat parity: accept the upgrade, send one 1403 frame, close with 1008. */
    FRAME,
    /** OneBot 11 / go-cqhttp: HTTP 401 (missing token) or 403 (wrong token) before the upgrade. */
    HTTP
}
