package io.onebot.gateway.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A second wire name a parameter-record component is read from when its snake_case name is
 * absent or null. Some parameters reach us under an older spelling that a component name cannot
 * express, such as NapCat's {@code reverseOrder} next to {@code reverse_order}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Alias {

    /** The other name, exactly as it appears on the wire. */
    String value();
}
