package io.onebot.gateway.core;

/** A parameter is missing, ill-typed or unacceptable; answered with retcode 1400. */
public class InvalidParamsException extends RuntimeException {

    private final String parameter;

    /**
     * @param parameter the parameter's wire name, e.g. {@code user_id}
     * @param problem   what is wrong with it, e.g. "must be an integer"
     */
    public InvalidParamsException(String parameter, String problem) {
        super("parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    /** The offending parameter's wire name. */
    public String parameter() {
        return parameter;
    }
}
