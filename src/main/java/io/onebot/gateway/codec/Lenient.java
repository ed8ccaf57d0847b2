package io.onebot.gateway.codec;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * How OneBot 11 clients write scalars, read the one way the whole gateway reads them: ids and
 * counts come as JSON numbers or as decimal strings ({@code "20001"}), flags as JSON booleans,
 * as {@code 1}/{@code 0} or as {@code "true"}/{@code "false"}/{@code "1"}/{@code "0"} in any letter
 * case. Anything else is not a value of that kind; the caller names the field in its error.
 */
public final class Lenient {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

    private Lenient() {
    }

    /**
     * The integer the value stands for, if it is a whole number within {@code long}. A decimal
     * string is read by {@link Long#parseLong}, in time linear in its length: {@code BigDecimal}
     * takes time quadratic in the digits, so that a string of a million digits, sent as an id,
     * held a CPU for half a minute before it was refused as too large.
     */
    public static OptionalLong integer(JsonValue value) {
        if (value instanceof JsonNumber json) {
            try {
                return OptionalLong.of(json.bigDecimalValue().longValueExact());
            } catch (ArithmeticException e) {
                return OptionalLong.empty(); // a fraction, or out of range
            }
        }
        if (value instanceof JsonString string) {
            String text = string.getString().trim();
            if (INTEGER.matcher(text).matches()) {
                try {
                    return OptionalLong.of(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty(); // out of range
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The flag the value stands for, if it is one. */
    public static Optional<Boolean> bool(JsonValue value) {
        if (value == null) {
            return Optional.empty();
        }
        switch (value.getValueType()) {
            case TRUE:
                return Optional.of(true);
            case FALSE:
                return Optional.of(false);
            case NUMBER:
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                if (number.compareTo(BigDecimal.ONE) == 0) {
                    return Optional.of(true);
                }
                return number.signum() == 0 ? Optional.of(false) : Optional.empty();
            case STRING:
                String text = ((JsonString) value).getString().trim().toLowerCase(Locale.ROOT);
                return switch (text) {
                    case "true", "1" -> Optional.of(true);
                    case "false", "0" -> Optional.of(false);
                    default -> Optional.empty();
                };
            default:
                return Optional.empty();
        }
    }
}
