package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.core.ActionHandler;

/** An action the sandbox core executes; every such bean is collected by {@link SandboxCore}. */
public interface SandboxAction<P extends Record, R> extends ActionHandler<P, R> {
}
