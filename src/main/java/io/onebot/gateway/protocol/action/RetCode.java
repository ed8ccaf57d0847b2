package io.onebot.gateway.protocol.action;

/**
 * The return codes the gateway answers with: OneBot 11's WebSocket mapping of HTTP statuses
 * (1000 + the status: 1400, 1403, 1404, and 1503 and 1504 for a core that is unavailable or too
 * slow), plus NapCat's code for a failed action.
 */
public enum RetCode {
    /** The action succeeded. */
    OK(0),
    /** The request could not be parsed, or a parameter is missing or ill-typed. */
    BAD_REQUEST(1400),
    /** The connection's token is missing or wrong (sent once, then the connection closes). */
    FORBIDDEN(1403),
    /** No action of that name exists. */
    UNKNOWN_ACTION(1404),
    /** The action was understood but failed (NapCat's code for an execution error). */
    ACTION_FAILED(1200),
    /** The core cannot take calls now (the upstream is not connected, or the gateway is stopping). */
    UNAVAILABLE(1503),
    /** The action got no result within its time limit. */
    TIMEOUT(1504);

    private final int code;

    RetCode(int code) {
        this.code = code;
    }

    /** The number written to the {@code retcode} field. */
    public int code() {
        return code;
    }
}
