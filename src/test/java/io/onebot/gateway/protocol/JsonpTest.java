package io.onebot.gateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The shared JSON-P readers take documents as large as a frame may be. */
class JsonpTest {

    /** Parsson 1.1.9 (the tests' provider) refuses over 15 million characters unless configured. */
    @Test
    void aDocumentOfTwentyMillionCharactersIsRead() {
        String echo = "e".repeat(20_000_000);
        try (JsonReader reader = Jsonp.createReader(new StringReader("{\"action\":\"get_status\",\"echo\":\"" + echo + "\"}"))) {
            JsonObject request = reader.readObject();
            assertEquals(echo, request.getString("echo"));
        }
    }
}
