package io.onebot.gateway.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onebot.gateway.config.ListenerPlan.Listener;
import io.onebot.gateway.run.AsadminCommands.Flavour;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsadminCommandsTest {

    private static final String MICRO = "set configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener.";
    private static final String SERVER = "set configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener-1.";

    @TempDir
    Path dir;

    private Path settings(String... lines) throws Exception {
        Path file = dir.resolve("onebot.properties");
        Files.writeString(file, String.join("\n", lines));
        return file;
    }

    @Test
    void theBuiltInListenerTakesTheFirstPortAndEveryOtherPortGetsItsOwn() {
        List<Listener> plan = List.of(new Listener("127.0.0.1", 3001, List.of("default")),
                new Listener("0.0.0.0", 3002, List.of("dash")));

        assertEquals(List.of(MICRO + "address=127.0.0.1", MICRO + "port=3001",
                "create-network-listener --protocol http-listener --address 0.0.0.0 --listenerport 3002 onebot-3002"),
                AsadminCommands.listeners(Flavour.MICRO, plan));
        assertEquals(List.of(SERVER + "address=127.0.0.1", SERVER + "port=3001",
                "create-network-listener --protocol http-listener-1 --address 0.0.0.0 --listenerport 3002 onebot-3002"),
                AsadminCommands.listeners(Flavour.SERVER, plan));
    }

    @Test
    void withoutEnabledEntriesTheBuiltInListenerStaysOnLoopback() {
        assertEquals(List.of(MICRO + "address=127.0.0.1"), AsadminCommands.listeners(Flavour.MICRO, List.of()));
    }

    @Test
    void microWritesTheTemplateWithoutCommentsThenTheListeners() throws Exception {
        Path file = settings(
                "onebot.network.websocketServers.default.enable=true",
                "onebot.network.websocketServers.default.host=127.0.0.1",
                "onebot.network.websocketServers.default.port=3001",
                "onebot.network.websocketServers.dash.enable=true",
                "onebot.network.websocketServers.dash.host=0.0.0.0",
                "onebot.network.websocketServers.dash.port=3101");
        Path template = dir.resolve("template.txt");
        Files.writeString(template, "# a comment\n\nset some.thing=1\n");
        Path output = dir.resolve("out/preboot.txt");

        AsadminCommands.main(new String[] {"micro", file.toString(), template.toString(), output.toString()});

        assertEquals(List.of("set some.thing=1", MICRO + "address=127.0.0.1", MICRO + "port=3001",
                "create-network-listener --protocol http-listener --address 0.0.0.0 --listenerport 3101 onebot-3101"),
                Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    @Test
    void serverWritesEverySettingThenTheListenersThenTheDeployment() throws Exception {
        Path file = settings(
                "onebot.core=sandbox",
                "onebot.sandbox.nickname=OneBot Sandbox",
                "onebot.network.websocketServers.default.enable=true",
                "onebot.network.websocketServers.default.host=127.0.0.1",
                "onebot.network.websocketServers.default.port=3001",
                "onebot.network.websocketServers.default.token=",
                "onebot.network.websocketClients.bot.enable=true",
                "onebot.network.websocketClients.bot.url=ws://127.0.0.1:8080/onebot/v11/ws?x=1",
                "unrelated.setting=kept out");
        Path war = dir.resolve("onebot.war");
        Path output = dir.resolve("onebot.asadmin");

        AsadminCommands.main(new String[] {"server", file.toString(), war.toString(), output.toString()});

        assertEquals(List.of(
                "create-system-properties \"onebot.core=sandbox\"",
                "create-system-properties \"onebot.network.websocketClients.bot.enable=true\"",
                "create-system-properties \"onebot.network.websocketClients.bot.url"
                        + "=ws\\://127.0.0.1\\:8080/onebot/v11/ws?x\\=1\"",
                "create-system-properties \"onebot.network.websocketServers.default.enable=true\"",
                "create-system-properties \"onebot.network.websocketServers.default.host=127.0.0.1\"",
                "create-system-properties \"onebot.network.websocketServers.default.port=3001\"",
                "# onebot.network.websocketServers.default.token is empty, which is its default",
                "create-system-properties \"onebot.sandbox.nickname=OneBot Sandbox\"",
                SERVER + "address=127.0.0.1",
                SERVER + "port=3001",
                "deploy --force=true --name onebot --contextroot / " + war.toAbsolutePath()),
                Files.readAllLines(output, StandardCharsets.UTF_8));
    }

    @Test
    void aValueAsadminCannotCarryIsRefusedNamingTheSetting() {
        Properties properties = new Properties();
        properties.setProperty("onebot.network.websocketServers.default.token", "se\"cret");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> AsadminCommands.systemProperties(properties));
        assertTrue(failure.getMessage().startsWith("onebot.network.websocketServers.default.token contains a quote"),
                failure.getMessage());
        assertTrue(!failure.getMessage().contains("se\"cret"), "the value is a token and stays out of the message");
    }

    @Test
    void invalidSettingsStopTheBuildNamingTheFile() throws Exception {
        Path file = settings("onebot.network.websocketServers.default.port=seventy");
        Path template = dir.resolve("template.txt");
        Files.writeString(template, "");

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> AsadminCommands.main(
                new String[] {"micro", file.toString(), template.toString(), dir.resolve("out.txt").toString()}));
        assertTrue(failure.getMessage().startsWith(file.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains("port"), failure.getMessage());
    }
}
