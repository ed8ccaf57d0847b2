package io.onebot.gateway.network.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 50 MiB limit is counted in UTF-8 bytes, as the wire carries them. */
class ConnectionTest {

    @Test
    void asciiCountsOneBytePerCharacter() {
        assertFalse(Connection.utf8LengthExceeds("a".repeat(30), 30));
        assertTrue(Connection.utf8LengthExceeds("a".repeat(31), 30));
    }

    @Test
    void multiByteCharactersCountTheirEncodedLength() {
        assertFalse(Connection.utf8LengthExceeds("é".repeat(15), 30));
        assertTrue(Connection.utf8LengthExceeds("é".repeat(16), 30));
        assertFalse(Connection.utf8LengthExceeds("令".repeat(10), 30));
        assertTrue(Connection.utf8LengthExceeds("令".repeat(11), 30));
        assertFalse(Connection.utf8LengthExceeds("🔑".repeat(7), 30));
        assertTrue(Connection.utf8LengthExceeds("🔑".repeat(8), 30));
    }

    @Test
    void shortTextIsNeverCounted() {
        assertFalse(Connection.utf8LengthExceeds("🔑".repeat(5), 30));
    }
}
