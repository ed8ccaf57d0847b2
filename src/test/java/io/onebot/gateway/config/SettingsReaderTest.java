package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.message.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down how {@code onebot.*} properties become validated {@link GatewaySettings}: defaults, parsing and error reporting. */
class SettingsReaderTest {

    private static final String ENTRY = "onebot.network.websocketServers.default.";
    private static final String SECRET = "S3cr3t-T0k3n-Zq9!xyzzy";

    private static GatewaySettings read(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingsReader.read(map);
    }

    private static ConfigurationException failure(String... keyValues) {
        return assertThrows(ConfigurationException.class, () -> read(keyValues));
    }

    private static ServerEntry onlyEntry(GatewaySettings settings) {
        assertEquals(1, settings.servers().size(), () -> "servers: " + settings.servers());
        return settings.servers().get(0);
    }

    @Test
    void nothingSetGivesTheDefaults() {
        GatewaySettings settings = SettingsReader.read(Map.of());

        assertAll(
                () -> assertEquals(List.of(), settings.servers()),
                () -> assertEquals(CoreKind.SANDBOX, settings.core()),
                () -> assertEquals(10001L, settings.sandbox().selfId()),
                () -> assertEquals("OneBot Sandbox", settings.sandbox().nickname()),
                () -> assertEquals(10_000, settings.sandbox().messageCapacity()),
                () -> assertTrue(settings.sandbox().http()));
    }

    @Test
    void propertiesWithoutTheOnebotPrefixAreIgnored() {
        Properties properties = new Properties();
        properties.setProperty("java.something", "1");
        properties.setProperty("onebot.sandbox.selfId", "123456");

        GatewaySettings settings = SettingsReader.read(properties);

        assertEquals(123456L, settings.sandbox().selfId());
        assertEquals(List.of(), settings.servers());
    }

    @Test
    void fullEntryIsReadWithEveryOption() {
        GatewaySettings settings = read(
                ENTRY + "enable", "true",
                ENTRY + "host", " 0.0.0.0 ",
                ENTRY + "port", " 8080 ",
                ENTRY + "token", "abc",
                ENTRY + "heartInterval", "5000",
                ENTRY + "messagePostFormat", "STRING",
                ENTRY + "reportSelfMessage", "TRUE",
                ENTRY + "enableForcePushEvent", "false",
                ENTRY + "debug", "true",
                ENTRY + "authFailure", "http",
                ENTRY + "maxConnections", " 5 ",
                "onebot.core", "sandbox",
                "onebot.sandbox.selfId", "2854196310",
                "onebot.sandbox.nickname", "Bot",
                "onebot.sandbox.messageCapacity", "50",
                "onebot.sandbox.http", "false");

        ServerEntry entry = onlyEntry(settings);
        assertAll(
                () -> assertEquals("default", entry.name()),
                () -> assertTrue(entry.enable()),
                () -> assertEquals("0.0.0.0", entry.host()),
                () -> assertTrue(entry.servesAllInterfaces()),
                () -> assertEquals(8080, entry.port()),
                () -> assertEquals("abc", entry.token()),
                () -> assertTrue(entry.requiresToken()),
                () -> assertEquals(5000L, entry.heartIntervalMillis()),
                () -> assertTrue(entry.heartbeatEnabled()),
                () -> assertEquals(MessageFormat.STRING, entry.messagePostFormat()),
                () -> assertTrue(entry.reportSelfMessage()),
                () -> assertFalse(entry.enableForcePushEvent()),
                () -> assertTrue(entry.debug()),
                () -> assertEquals(AuthFailureMode.HTTP, entry.authFailure()),
                () -> assertEquals(5, entry.maxConnections()),
                () -> assertEquals("/", entry.path()),
                () -> assertEquals(2854196310L, settings.sandbox().selfId()),
                () -> assertEquals("Bot", settings.sandbox().nickname()),
                () -> assertEquals(50, settings.sandbox().messageCapacity()),
                () -> assertFalse(settings.sandbox().http()));
    }

    @Test
    void entryTakesNapCatDefaultsForEveryOptionNotSet() {
        ServerEntry entry = onlyEntry(read(ENTRY + "host", "127.0.0.1"));

        assertAll(
                () -> assertFalse(entry.enable()),
                () -> assertEquals("127.0.0.1", entry.host()),
                () -> assertTrue(entry.loopbackOnly()),
                () -> assertEquals(3001, entry.port()),
                () -> assertEquals("", entry.token()),
                () -> assertFalse(entry.requiresToken()),
                () -> assertEquals(30_000L, entry.heartIntervalMillis()),
                () -> assertEquals(MessageFormat.ARRAY, entry.messagePostFormat()),
                () -> assertFalse(entry.reportSelfMessage()),
                () -> assertTrue(entry.enableForcePushEvent()),
                () -> assertFalse(entry.debug()),
                () -> assertEquals(AuthFailureMode.FRAME, entry.authFailure()),
                () -> assertEquals(1000, entry.maxConnections()));
    }

    @Test
    void hostDefaultsToLoopbackWhenAnotherOptionDeclaresTheEntry() {
        ServerEntry entry = onlyEntry(read(ENTRY + "enable", "true"));

        assertEquals("127.0.0.1", entry.host());
        assertTrue(entry.enable());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-30000"})
    void heartIntervalOfZeroOrLessDisablesHeartbeats(String value) {
        ServerEntry entry = onlyEntry(read(ENTRY + "heartInterval", value));

        assertEquals(0L, entry.heartIntervalMillis());
        assertFalse(entry.heartbeatEnabled());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            onebot.network.websocketServers.default.port              | abc
            onebot.network.websocketServers.default.port              | 70000
            onebot.network.websocketServers.default.port              | 0
            onebot.network.websocketServers.default.enable            | yes
            onebot.network.websocketServers.default.messagePostFormat | xml
            onebot.network.websocketServers.default.authFailure       | x
            onebot.network.websocketServers.default.heartInterval     | 50
            onebot.network.websocketServers.default.maxConnections    | 0
            onebot.network.websocketServers.default.maxConnections    | -5
            onebot.network.websocketServers.default.maxConnections    | many
            onebot.network.websocketServers.default.maxConnections    | 2147483648
            onebot.sandbox.selfId                                     | -1
            onebot.core                                               | napcat
            """)
    void badValueIsReportedWithPropertyAndValue(String key, String value) {
        ConfigurationException e = failure(key, value);

        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.getMessage().contains(key), e::getMessage);
        assertTrue(e.getMessage().contains("'" + value + "'"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "onebot.network.websocketServers.default.tokn",
        "onebot.network.websocketServers.default",
        "onebot.network.websocketServers..port",
        "onebot.network.httpServers.default.port",
        "onebot.foo"})
    void unknownSettingIsReportedWithItsName(String key) {
        ConfigurationException e = failure(key, "1");

        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.getMessage().contains(key), e::getMessage);
        assertTrue(e.getMessage().contains("unknown setting"), e::getMessage);
    }

    @Test
    void everyProblemIsReportedTogether() {
        ConfigurationException e = failure(
                ENTRY + "port", "abc",
                ENTRY + "enable", "yes",
                ENTRY + "heartInterval", "50",
                "onebot.foo", "bar");

        assertEquals(4, e.problems().size(), () -> "problems: " + e.problems());
        for (String expected : List.of(ENTRY + "port", "'abc'", ENTRY + "enable", "'yes'",
                ENTRY + "heartInterval", "'50'", "onebot.foo")) {
            assertTrue(e.getMessage().contains(expected), () -> expected + " missing in " + e.getMessage());
        }
    }

    @Test
    void twoEntriesOnTheSamePathAndPortAreRefused() {
        ConfigurationException e = failure(
                "onebot.network.websocketServers.first.enable", "true",
                "onebot.network.websocketServers.second.enable", "true");

        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        assertTrue(e.getMessage().contains("first"), e::getMessage);
        assertTrue(e.getMessage().contains("second"), e::getMessage);
    }

    @Test
    void entriesWithTheirOwnPathOrPortAreAccepted() {
        GatewaySettings settings = read(
                "onebot.network.websocketServers.first.enable", "true",
                "onebot.network.websocketServers.second.path", "/dash/",
                "onebot.network.websocketServers.third.port", "3002");
        assertEquals(3, settings.servers().size());
        assertEquals("/dash", settings.servers().get(1).path());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "/a/b/c", "/da sh", "/api", "/x/event", "/a//b"})
    void aBadPathIsRefusedNamingIt(String path) {
        ConfigurationException e = failure(ENTRY + "path", path);
        assertTrue(e.getMessage().contains(ENTRY + "path"), e::getMessage);
    }

    @Test
    void tokenNeverAppearsInToString() {
        ServerEntry entry = onlyEntry(read(ENTRY + "token", SECRET));

        assertEquals(SECRET, entry.token());
        assertFalse(entry.toString().contains(SECRET), entry::toString);
        assertFalse(read(ENTRY + "token", SECRET).toString().contains(SECRET));
    }

    @Test
    void tokenNeverAppearsInConfigurationErrors() {
        ConfigurationException withBadSiblings = failure(
                ENTRY + "token", SECRET,
                ENTRY + "port", "abc",
                "onebot.network.websocketServers.other.token", SECRET);
        ConfigurationException misspelledKey = failure(ENTRY + "tokn", SECRET);

        for (ConfigurationException e : List.of(withBadSiblings, misspelledKey)) {
            assertFalse(e.getMessage().contains(SECRET), e::getMessage);
            assertTrue(e.problems().stream().noneMatch(p -> p.contains(SECRET)), () -> e.problems().toString());
        }
    }

    private static final String CLIENT = "onebot.network.websocketClients.koishi.";

    @Test
    void aReverseEntryHasNapCatsDefaults() {
        ClientEntry entry = read(CLIENT + "enable", "true").clients().get(0);
        assertAll(
                () -> assertEquals("koishi", entry.name()),
                () -> assertEquals("ws://localhost:8082", entry.url().toString()),
                () -> assertEquals("", entry.token()),
                () -> assertEquals(5000, entry.reconnectIntervalMillis()),
                () -> assertEquals(5000, entry.handshakeTimeoutMillis()),
                () -> assertEquals(30_000, entry.heartIntervalMillis()),
                () -> assertEquals(MessageFormat.ARRAY, entry.messagePostFormat()),
                () -> assertFalse(entry.reportSelfMessage()),
                () -> assertFalse(entry.debug()),
                () -> assertTrue(entry.verifyCertificate()));
    }

    @Test
    void httpUrlsAreReadAsTheirWebSocketTwins() {
        assertEquals("ws://127.0.0.1:8080/onebot", read(CLIENT + "url", "http://127.0.0.1:8080/onebot").clients().get(0).url().toString());
        assertEquals("wss://bot.example/onebot/v11/ws", read(CLIENT + "url", "https://bot.example/onebot/v11/ws").clients().get(0).url().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x/y", "localhost:8080", "ws://", "ws://exa mple/", "not a url"})
    void aBadUrlIsAStartupErrorNamingIt(String url) {
        ConfigurationException error = failure(CLIENT + "url", url);
        assertTrue(error.getMessage().contains(CLIENT + "url") && error.getMessage().contains(url), error.getMessage());
    }

    @Test
    void aReconnectIntervalTooSmallOrAnUnknownClientOptionIsRefused() {
        assertTrue(failure(CLIENT + "reconnectInterval", "0").getMessage().contains(CLIENT + "reconnectInterval"));
        assertTrue(failure(CLIENT + "host", "x").getMessage().contains(CLIENT + "host"));
    }

    @Test
    void aHandshakeTimeoutIsReadAndOneTooSmallIsRefusedNamingIt() {
        assertEquals(250, read(CLIENT + "handshakeTimeout", "250").clients().get(0).handshakeTimeoutMillis());
        ConfigurationException error = failure(CLIENT + "handshakeTimeout", "99");
        assertTrue(error.getMessage().contains(CLIENT + "handshakeTimeout") && error.getMessage().contains("99"),
                error.getMessage());
    }

    @Test
    void aNameUsedByAServerAndAClientIsRefused() {
        ConfigurationException error = failure(ENTRY + "enable", "true", "onebot.network.websocketClients.default.enable", "true");
        assertTrue(error.getMessage().contains("own name"), error.getMessage());
    }

    @Test
    void aClientTokenNeverAppearsInToString() {
        ClientEntry entry = read(CLIENT + "token", SECRET).clients().get(0);
        assertEquals(SECRET, entry.token());
        assertFalse(entry.toString().contains(SECRET), entry.toString());
    }

    @Test
    void credentialsInAReverseUrlAreNeverShown() {
        ClientEntry entry = read(CLIENT + "url", "ws://user:pw@example.org:8080/onebot?access_token=" + SECRET).clients().get(0);
        assertFalse(entry.toString().contains(SECRET) || entry.toString().contains("pw@"), entry.toString());
        assertEquals("ws://example.org:8080/onebot?…", entry.displayUrl());
        ConfigurationException e = failure(CLIENT + "url", "ftp://x/?access_token=" + SECRET);
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void theUpstreamCoreIsReadWithItsDefaults() {
        GatewaySettings settings = read("onebot.core", "upstream", "onebot.upstream.url", "ws://127.0.0.1:3000/",
                "onebot.upstream.token", SECRET);

        assertAll(
                () -> assertEquals(CoreKind.UPSTREAM, settings.core()),
                () -> assertEquals(java.net.URI.create("ws://127.0.0.1:3000/"), settings.upstream().url().orElseThrow()),
                () -> assertEquals(SECRET, settings.upstream().token()),
                () -> assertEquals(java.time.Duration.ofMillis(5000), settings.upstream().reconnectInterval()),
                () -> assertEquals(java.time.Duration.ofMillis(30000), settings.upstream().timeout()),
                () -> assertEquals(java.time.Duration.ofMillis(30000), settings.actionTimeout()),
                () -> assertFalse(settings.upstream().toString().contains(SECRET), settings.upstream()::toString));
    }

    @Test
    void theUpstreamCoreNeedsAUrl() {
        ConfigurationException e = failure("onebot.core", "upstream");

        assertTrue(e.getMessage().contains("onebot.upstream.url: required with onebot.core=upstream"), e::getMessage);
    }

    @Test
    void badUpstreamAndTimeoutValuesAreNamedTogether() {
        ConfigurationException e = failure("onebot.core", "upstream", "onebot.upstream.url", "http//nowhere",
                "onebot.upstream.timeout", "0", "onebot.upstream.reconnectInterval", "soon", "onebot.actionTimeout", "-5");

        assertAll(
                () -> assertTrue(e.getMessage().contains("onebot.upstream.url: value 'http//nowhere'"), e::getMessage),
                () -> assertTrue(e.getMessage().contains("onebot.upstream.timeout: value '0' is not allowed"), e::getMessage),
                () -> assertTrue(e.getMessage().contains("onebot.upstream.reconnectInterval: value 'soon'"), e::getMessage),
                () -> assertTrue(e.getMessage().contains("onebot.actionTimeout: value '-5' is not allowed"), e::getMessage));
    }

    @Test
    void aReverseEntryMasksItsSecretsInTextsQuotingIt() {
        String url = "ws://user:pw@example.org:8080/onebot?access_token=" + SECRET + "Q";
        ClientEntry entry = read(CLIENT + "url", url, CLIENT + "token", SECRET).clients().get(0);
        String masked = entry.masked("Handshake to " + url + " failed; sent Bearer " + SECRET
                + ", user info user:pw, query access_token=" + SECRET + "Q");
        assertFalse(masked.contains(SECRET) || masked.contains("user:pw"), masked);
        assertTrue(masked.startsWith("Handshake to ws://example.org:8080/onebot?… failed; sent Bearer ******"), masked);
        assertEquals("Connection refused", entry.masked("Connection refused"));
    }

    @Test
    void aFileNameNoFileSystemCanHoldIsAProblemOfItsProperty() {
        ConfigurationException error = failure(SettingsReader.CONFIG_FILE, "onebot11\u0000.json",
                SettingsReader.WORLD_FILE, "world\u0000.json5");
        assertEquals(2, error.problems().size(), error.getMessage());
        assertTrue(error.problems().get(0).startsWith(SettingsReader.CONFIG_FILE + ": "), error.getMessage());
        assertTrue(error.problems().get(1).startsWith(SettingsReader.WORLD_FILE + ": "), error.getMessage());
        assertTrue(error.getMessage().contains("is not a file path"), error.getMessage());
    }
}
