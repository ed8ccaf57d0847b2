package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.protocol.message.MessageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NapCat {@code onebot11.json} (JSON5) works unchanged through {@code onebot.config}; properties override it. */
class NapCatConfigFileTest {

    private static final String NAPCAT_FILE = """
            {
              // written by hand, so JSON5: comments, trailing commas
              "network": {
                "httpServers": [{"name": "http-api", "enable": true, "port": 3000}],
                "httpSseServers": [],
                "httpClients": [],
                "websocketServers": [{
                  "name": "WsServer", "enable": true, "host": "0.0.0.0", "port": 3001,
                  "messagePostFormat": "string", "reportSelfMessage": true, "token": "from-file",
                  "enableForcePushEvent": true, "debug": false, "heartInterval": 15000,
                }],
                "websocketClients": [{
                  "name": "Koishi", "enable": true, "url": "ws://localhost:8082/onebot",
                  "messagePostFormat": "array", "reportSelfMessage": false, "reconnectInterval": 3000,
                  "token": "", "debug": false, "heartInterval": 30000, "verifyCertificate": true,
                  "someFutureKey": 1,
                }],
                "plugins": [],
              },
              "musicSignUrl": "",
              "enableLocalFile2Url": false,
            }
            """;

    @TempDir
    Path folder;

    private GatewaySettings read(String file, String... overrides) throws Exception {
        Path path = folder.resolve("onebot11_10001.json");
        Files.writeString(path, file);
        Map<String, String> properties = new HashMap<>();
        properties.put("onebot.config", path.toString());
        for (int i = 0; i < overrides.length; i += 2) {
            properties.put(overrides[i], overrides[i + 1]);
        }
        return SettingsReader.read(properties);
    }

    @Test
    void theNetworkSectionIsImported() throws Exception {
        GatewaySettings settings = read(NAPCAT_FILE);
        ServerEntry server = settings.servers().get(0);
        assertEquals("WsServer", server.name());
        assertTrue(server.enable());
        assertEquals("0.0.0.0", server.host());
        assertEquals(MessageFormat.STRING, server.messagePostFormat());
        assertTrue(server.reportSelfMessage());
        assertEquals("from-file", server.token());
        assertEquals(15_000, server.heartIntervalMillis());
        ClientEntry client = settings.clients().get(0);
        assertEquals("Koishi", client.name());
        assertEquals("ws://localhost:8082/onebot", client.url().toString());
        assertEquals(3000, client.reconnectIntervalMillis());
    }

    @Test
    void whatIsIgnoredIsNamed() throws Exception {
        var notes = read(NAPCAT_FILE).notes();
        assertTrue(notes.stream().anyMatch(n -> n.contains("httpServers") && n.contains("http-api")), notes::toString);
        assertTrue(notes.stream().anyMatch(n -> n.contains("someFutureKey")), notes::toString);
        assertEquals(2, notes.size(), notes::toString);
    }

    @Test
    void propertiesOverrideTheFileKeyByKey() throws Exception {
        GatewaySettings settings = read(NAPCAT_FILE,
                "onebot.network.websocketServers.WsServer.token", "from-property",
                "onebot.network.websocketClients.Koishi.enable", "false");
        assertEquals("from-property", settings.servers().get(0).token());
        assertEquals(15_000, settings.servers().get(0).heartIntervalMillis());
        assertFalse(settings.clients().get(0).enable());
    }

    @Test
    void aBadValueInTheFileNamesTheSetting() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> read(NAPCAT_FILE.replace("\"port\": 3001", "\"port\": \"abc\"")));
        assertTrue(error.getMessage().contains("onebot.network.websocketServers.WsServer.port"), error.getMessage());
    }

    @Test
    void aMissingOrBrokenFileIsAStartupError() {
        Map<String, String> missing = Map.of("onebot.config", folder.resolve("nope.json").toString());
        assertTrue(assertThrows(ConfigurationException.class, () -> SettingsReader.read(missing))
                .getMessage().contains("onebot.config"));
        assertTrue(assertThrows(ConfigurationException.class, () -> read("{network: [1,2"))
                .getMessage().contains("onebot.config"));
        assertTrue(assertThrows(ConfigurationException.class, () -> read("{network: {websocketServers: {}}}"))
                .getMessage().contains("must be an array"));
    }

    @Test
    void twoEntriesWithOneNameAreRefused() {
        String twice = "{network:{websocketServers:[{name:'a',enable:true},{name:'a',enable:false}]}}";
        assertTrue(assertThrows(ConfigurationException.class, () -> read(twice)).getMessage().contains("'a'"));
    }

    @Test
    void aFileWithoutNetworkImportsNothing() throws Exception {
        assertTrue(read("{musicSignUrl: ''}").servers().isEmpty());
    }
}
