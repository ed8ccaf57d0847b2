package io.onebot.gateway.action;

import io.onebot.gateway.codec.Lenient;
import io.onebot.gateway.core.Alias;
import io.onebot.gateway.core.InvalidParamsException;
import io.onebot.gateway.core.Required;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.OptionalLong;

/**
 * Binds a request's {@code params} object onto one parameter record.
 *
 * <p>All reflection happens once, when the binder is built; binding a request only reads the
 * prepared slots. Each record component is the parameter of the same name in snake_case
 * ({@code userId} reads {@code user_id}). Supported types, with NapCat's coercions:
 * {@code long}/{@code int} (JSON integers or numeric strings), {@code boolean} ({@code true}/
 * {@code false}, {@code "true"}/{@code "false"}, 1/0), {@code String} (numbers are turned into
 * their text), {@code JsonValue} and {@code JsonObject} (as sent). A missing or null parameter
 * is null for object types and zero/false for primitives, unless the component is
 * {@link Required}. A component marked {@link Alias} is also read from its alias when its own
 * name is absent or null. Every failure names the parameter as the request spelled it.
 */
final class ParamsBinder<P extends Record> {

    private final Constructor<P> constructor;
    private final Slot[] slots;

    private ParamsBinder(Constructor<P> constructor, Slot[] slots) {
        this.constructor = constructor;
        this.slots = slots;
    }

    /** Prepares a binder; fails when the record has a component of an unsupported type. */
    static <P extends Record> ParamsBinder<P> of(Class<P> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Slot[] slots = new Slot[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            Alias alias = component.getAnnotation(Alias.class);
            slots[i] = new Slot(snakeCase(component.getName()), alias == null ? null : alias.value(),
                    Kind.of(component.getType(), type), component.isAnnotationPresent(Required.class),
                    zeroOf(component.getType()));
        }
        try {
            Constructor<P> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return new ParamsBinder<>(constructor, slots);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no canonical constructor on " + type.getName(), e);
        }
    }

    /** Builds the record from the request's parameters. */
    P bind(JsonObject params) {
        Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i].read(params);
        }
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The value of an absent parameter: zero or false for primitives, null otherwise. */
    private static Object zeroOf(Class<?> type) {
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        return type == boolean.class ? Boolean.FALSE : null;
    }

    private record Slot(String name, String alias, Kind kind, boolean required, Object absent) {

        Object read(JsonObject params) {
            String from = name;
            JsonValue value = params.get(name);
            if (isAbsent(value) && alias != null) {
                from = alias;
                value = params.get(alias);
            }
            if (isAbsent(value)) {
                if (required) {
                    throw new InvalidParamsException(name, "is required");
                }
                return absent;
            }
            return kind.convert(from, value);
        }

        private static boolean isAbsent(JsonValue value) {
            return value == null || value.getValueType() == JsonValue.ValueType.NULL;
        }
    }

    private enum Kind {
        LONG {
            @Override
            Object convert(String name, JsonValue value) {
                return integer(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
            }
        },
        INT {
            @Override
            Object convert(String name, JsonValue value) {
                return (int) integer(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            }
        },
        BOOLEAN {
            @Override
            Object convert(String name, JsonValue value) {
                return Lenient.bool(value).orElseThrow(() ->
                        new InvalidParamsException(name, "must be a boolean, not " + shortText(value)));
            }
        },
        STRING {
            @Override
            Object convert(String name, JsonValue value) {
                if (value instanceof JsonString string) {
                    return string.getString();
                }
                if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
                    return value.toString();
                }
                throw new InvalidParamsException(name, "must be a string, not " + shortText(value));
            }
        },
        OBJECT {
            @Override
            Object convert(String name, JsonValue value) {
                if (value instanceof JsonObject) {
                    return value;
                }
                throw new InvalidParamsException(name, "must be an object, not " + shortText(value));
            }
        },
        JSON {
            @Override
            Object convert(String name, JsonValue value) {
                return value;
            }
        };

        abstract Object convert(String name, JsonValue value);

        /** The conversion for a component type; boxed types convert like their primitives. */
        static Kind of(Class<?> type, Class<?> record) {
            if (type == long.class || type == Long.class) {
                return LONG;
            }
            if (type == int.class || type == Integer.class) {
                return INT;
            }
            if (type == boolean.class || type == Boolean.class) {
                return BOOLEAN;
            }
            if (type == String.class) {
                return STRING;
            }
            if (type == JsonObject.class) {
                return OBJECT;
            }
            if (type == JsonValue.class) {
                return JSON;
            }
            throw new IllegalStateException("unsupported parameter type " + type.getName() + " in " + record.getName());
        }

        static long integer(String name, JsonValue value, long min, long max) {
            OptionalLong number = Lenient.integer(value);
            if (number.isPresent() && number.getAsLong() >= min && number.getAsLong() <= max) {
                return number.getAsLong();
            }
            throw new InvalidParamsException(name, "must be an integer from " + min + " to " + max + ", not "
                    + shortText(value));
        }

        static String shortText(JsonValue value) {
            String text = value.toString();
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }
}
