package io.onebot.gateway.core.sandbox;

import io.onebot.gateway.core.NamedAction;

/** An action the sandbox core executes; every such bean is collected by {@link SandboxCore}. */
public abstract class SandboxAction<P extends Record, R> extends NamedAction<P, R> {

    protected SandboxAction(String name, Class<P> paramsType) {
        super(name, paramsType);
    }
}
