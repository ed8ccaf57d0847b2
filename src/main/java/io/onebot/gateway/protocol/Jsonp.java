package io.onebot.gateway.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The JSON-P factory methods the gateway uses, served by one provider looked up once. The static
 * {@code jakarta.json.Json} methods look the provider up again on every call, a
 * {@code ServiceLoader} scan over the application's class loaders that cost more than everything
 * else on the event and API paths together (measured; see BENCHMARKS.md). The provider is
 * immutable and thread-safe, so one per application is all it takes.
 */
public final class Jsonp {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    /**
     * Readers for documents as large as a frame may be (50 MiB). Parsson stops at 15 million
     * characters from 1.1.9 on unless told otherwise (its {@code maxParsingLimit}; the servers
     * ship older ones today), and the gateway would then fall back to its JSON5 parser, ten times
     * slower. Other providers ignore the entry.
     */
    private static final JsonReaderFactory READERS = PROVIDER.createReaderFactory(
            Map.of("org.eclipse.parsson.maxParsingLimit", 64 * 1024 * 1024));

    private Jsonp() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonObjectBuilder createObjectBuilder(Map<String, Object> map) {
        return PROVIDER.createObjectBuilder(map);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(long value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(BigDecimal value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(BigInteger value) {
        return PROVIDER.createValue(value);
    }

    public static JsonReader createReader(Reader reader) {
        return READERS.createReader(reader);
    }
}
