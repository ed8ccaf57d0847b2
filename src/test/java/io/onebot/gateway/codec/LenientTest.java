package io.onebot.gateway.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LenientTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20001|20001", "'\"20001\"'|20001", "'\" 42 \"'|42", "-7|-7", "'\"+7\"'|7", "3.0|3",
        "9223372036854775807|9223372036854775807", "'\"-9223372036854775808\"'|-9223372036854775808",
        "'\"0000000000000000000000042\"'|42"})
    void integersAsNumbersOrDecimalStrings(String given, long expected) {
        assertEquals(OptionalLong.of(expected), Lenient.integer(json(given)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.5", "'\"1.5\"'", "'\"12a\"'", "'\"\"'", "true", "null", "'[1]'",
        "9223372036854775808", "'\"0x10\"'", "'\"9223372036854775808\"'", "'\"-9223372036854775809\"'",
        "'\"1e3\"'"})
    void everythingElseIsNoInteger(String given) {
        assertEquals(OptionalLong.empty(), Lenient.integer(json(given)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|true", "false|false", "1|true", "0|false", "1.0|true",
        "'\"TRUE\"'|true", "'\" false \"'|false", "'\"1\"'|true", "'\"0\"'|false"})
    void flags(String given, boolean expected) {
        assertEquals(Optional.of(expected), Lenient.bool(json(given)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"2", "-1", "'\"yes\"'", "'\"\"'", "null", "'{}'", "'[true]'"})
    void everythingElseIsNoFlag(String given) {
        assertEquals(Optional.empty(), Lenient.bool(json(given)));
    }

    @Test
    void aMillionDigitStringIsRefusedInLinearTime() {
        JsonValue huge = Json.createValue("7".repeat(1_000_000));
        // BigDecimal took about half a minute for this; a linear scan takes milliseconds.
        assertEquals(OptionalLong.empty(), assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Lenient.integer(huge)));
    }
}
