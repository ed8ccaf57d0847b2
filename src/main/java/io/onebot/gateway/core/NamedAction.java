package io.onebot.gateway.core;

import java.util.Objects;

/**
 * An {@link ActionHandler} that states its wire name and parameter record once, in its
 * constructor, so that each action class holds nothing but what the action does.
 */
public abstract class NamedAction<P extends Record, R> implements ActionHandler<P, R> {

    private final String name;
    private final Class<P> paramsType;

    protected NamedAction(String name, Class<P> paramsType) {
        this.name = Objects.requireNonNull(name, "name");
        this.paramsType = Objects.requireNonNull(paramsType, "paramsType");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<P> paramsType() {
        return paramsType;
    }
}
