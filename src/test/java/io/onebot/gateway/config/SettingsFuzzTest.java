package io.onebot.gateway.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.testsupport.BadValues;
import io.onebot.gateway.testsupport.FuzzRun;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated bad configuration: NapCat {@code onebot11*.json} files, sandbox world files and
 * {@code onebot.*} properties, each changed in one or two places, cut short, broken as UTF-8,
 * nested too deep or replaced by junk. Reading them either succeeds or fails with a
 * {@link ConfigurationException} whose every problem names the property it is about; no other
 * exception escapes. A fifth of {@code fuzz.frames} inputs of each sort (2000 by default), seeded
 * like {@link FuzzRun}.
 */
class SettingsFuzzTest {

    private static final Path NAPCAT = Path.of("src", "test", "resources", "napcat", "onebot11_5353.json");
    private static final Path WORLD = Path.of("server-config", "sandbox-world.json5");
    private static final List<String> SERVER_OPTIONS = List.of("enable", "host", "port", "path", "token", "heartInterval",
            "messagePostFormat", "reportSelfMessage", "enableForcePushEvent", "debug", "authFailure", "unknownOption");
    private static final List<String> CLIENT_OPTIONS = List.of("enable", "url", "token", "reconnectInterval",
            "heartInterval", "messagePostFormat", "reportSelfMessage", "debug", "verifyCertificate", "unknownOption");
    private static final List<String> ODD_TEXT = List.of("", " ", "true", "FALSE", "yes", "0", "-1", "65536", "100", "99",
            "2147483648", "9223372036854775808", "1e3", "1.5", "array", "STRING", "http", "frame", "/", "/a/b/c", "/api",
            "ws://", "ws://127.0.0.1:1/x", "https://h/p", "file:///etc", "ws://[::1", "\u0000", "a\u0000b", "令牌",
            "  ws://h:1  ", "%", "0.0.0.0", "x".repeat(5000));

    @TempDir
    Path dir;

    /** What reading gave: a problem count, or null when the settings were accepted. */
    private Integer read(Map<String, String> properties, Supplier<String> about) {
        try {
            SettingsReader.read(properties);
            return null;
        } catch (ConfigurationException e) {
            assertFalse(e.problems().isEmpty(), () -> "a ConfigurationException without problems: " + about.get());
            for (String problem : e.problems()) {
                assertTrue(problem.startsWith("onebot."), () -> "a problem that names no property: " + abbreviate(problem) + " for "
                        + about.get());
            }
            return e.problems().size();
        } catch (RuntimeException e) {
            return fail("not a ConfigurationException for " + about.get(), e);
        }
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(dir.resolve("fuzzed.json"), content);
    }

    /** The text changed by one of the generator's ways of breaking a document. */
    private static byte[] broken(BadValues values, String text, JsonValue document) {
        return switch (values.nextInt(10)) {
            case 0 -> values.mutate(text).getBytes(StandardCharsets.UTF_8);
            case 1 -> text.substring(0, values.nextInt(text.length())).getBytes(StandardCharsets.UTF_8);
            case 2 -> values.breakUtf8(text);
            case 3 -> values.deeplyNested().getBytes(StandardCharsets.UTF_8);
            case 4 -> values.nextBoolean() ? values.junkText(500).getBytes(StandardCharsets.UTF_8) : values.junkBytes(500);
            case 5 -> values.anyValue().toString().getBytes(StandardCharsets.UTF_8);
            default -> {
                JsonValue changed = document;
                for (int i = values.nextInt(3); i >= 0; i--) {
                    changed = values.reshape(changed);
                }
                yield changed.toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    @Test
    void badNapCatFilesAndWorldFilesAreConfigurationProblems() throws Exception {
        long seed = FuzzRun.seed();
        int total = FuzzRun.frames(10_000) / 5;
        BadValues values = new BadValues(seed, 10001, true);
        String napcat = Files.readString(NAPCAT);
        String world = Files.readString(WORLD);
        JsonValue napcatDocument = JsonText.parseDocument(napcat);
        JsonValue worldDocument = JsonText.parseDocument(world);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            boolean napcatFile = values.nextBoolean();
            byte[] content = napcatFile ? broken(values, napcat, napcatDocument) : broken(values, world, worldDocument);
            Path file = write(content);
            Map<String, String> properties = Map.of(napcatFile ? SettingsReader.CONFIG_FILE : SettingsReader.WORLD_FILE,
                    file.toString());
            Supplier<String> about = () -> (napcatFile ? "NapCat file " : "world file ")
                    + abbreviate(new String(content, StandardCharsets.UTF_8)) + " (seed " + seed + ")";
            Integer problems = read(properties, about);
            outcomes.merge((napcatFile ? "napcat " : "world ") + (problems == null ? "accepted" : "refused"), 1, Integer::sum);
        }
        System.out.println("SettingsFuzzTest files: seed=" + seed + ", " + total + " files; " + outcomes);
        assertTrue(outcomes.getOrDefault("napcat refused", 0) > 0 && outcomes.getOrDefault("world refused", 0) > 0,
                outcomes::toString);
    }

    @Test
    void badPropertiesAreConfigurationProblems() {
        long seed = FuzzRun.seed();
        int total = FuzzRun.frames(10_000) / 5;
        BadValues values = new BadValues(seed, 10001, true);
        List<String> names = List.of("a", "dash", "", " ", "a.b", "名", "x\u0000");
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            Map<String, String> properties = new HashMap<>();
            for (int n = 1 + values.nextInt(6); n > 0; n--) {
                String key = switch (values.nextInt(6)) {
                    case 0 -> values.pick(List.of("onebot.core", "onebot.sandbox.selfId", "onebot.sandbox.nickname",
                            "onebot.sandbox.messageCapacity", "onebot.sandbox.http", SettingsReader.CONFIG_FILE,
                            SettingsReader.WORLD_FILE, "onebot.unknown", "onebot.", "onebot.network.websocketServers.",
                            "onebot.network.websocketServers.a", "onebot.network.websocketClients.a.b.c"));
                    case 1, 2 -> SettingsReader.SERVERS_PREFIX + values.pick(names) + "." + values.pick(SERVER_OPTIONS);
                    case 3, 4 -> SettingsReader.CLIENTS_PREFIX + values.pick(names) + "." + values.pick(CLIENT_OPTIONS);
                    default -> "onebot." + values.junkText(20);
                };
                String value = values.nextInt(4) == 0 ? values.junkText(40) : values.pick(ODD_TEXT);
                properties.put(key, value);
            }
            Integer problems = read(properties, () -> "properties " + abbreviate(properties.toString()) + " (seed " + seed + ")");
            outcomes.merge(problems == null ? "accepted" : "refused", 1, Integer::sum);
        }
        System.out.println("SettingsFuzzTest properties: seed=" + seed + ", " + total + " sets; " + outcomes);
        assertTrue(outcomes.getOrDefault("refused", 0) > 0, outcomes::toString);
    }

    private static String abbreviate(String text) {
        return BadValues.printable(text, 300);
    }
}
