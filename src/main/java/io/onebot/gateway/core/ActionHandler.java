package io.onebot.gateway.core;

/**
 * One OneBot action: typed parameters in, typed result out.
 *
 * <p>Parameters arrive already bound and checked: the dispatcher binds the request's
 * {@code params} object onto {@link #paramsType()} (a record whose components, in snake_case,
 * are the parameter names) and answers 1400 itself when that fails. The result is written as the
 * response's {@code data} (null for actions that return nothing).
 *
 * @param <P> the parameter record ({@link NoParams} when there are none)
 * @param <R> the result type
 */
public interface ActionHandler<P extends Record, R> {

    /** The action's wire name, e.g. {@code send_private_msg}. */
    String name();

    /** The record the {@code params} object is bound to. */
    Class<P> paramsType();

    /**
     * Runs the action.
     *
     * @throws InvalidParamsException when the parameters are well-typed but unacceptable (1400)
     * @throws ActionFailedException  when the action cannot be carried out (1200)
     */
    R handle(P params, ActionContext context);
}
