package io.onebot.gateway.config;

import io.onebot.gateway.protocol.message.MessageFormat;
import io.onebot.gateway.codec.JsonText;
import io.onebot.gateway.codec.MalformedRequestException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Builds {@link GatewaySettings} from {@code onebot.*} properties.
 *
 * <p>The only code in the gateway that reads system properties. Every value is validated once;
 * all problems are collected and reported together in one {@link ConfigurationException}, each
 * naming the property, the offending value and what is allowed. Token values never appear in a
 * message.
 */
public final class SettingsReader {

    public static final String PREFIX = "onebot.";
    public static final String SERVERS_PREFIX = "onebot.network.websocketServers.";
    public static final String CLIENTS_PREFIX = "onebot.network.websocketClients.";

    static final int MIN_HEART_INTERVAL = 100;

    private static final Set<String> SERVER_OPTIONS = Set.of("enable", "host", "port", "path", "token", "heartInterval",
            "messagePostFormat", "reportSelfMessage", "enableForcePushEvent", "debug", "authFailure", "maxConnections");
    private static final Set<String> CLIENT_OPTIONS = Set.of("enable", "url", "token", "reconnectInterval",
            "handshakeTimeout", "heartInterval", "messagePostFormat", "reportSelfMessage", "debug", "verifyCertificate");
    static final int MIN_RECONNECT_INTERVAL = 100;
    static final int MIN_HANDSHAKE_TIMEOUT = 100;
    /** The property naming a NapCat {@code onebot11*.json} file whose network section is imported. */
    public static final String CONFIG_FILE = "onebot.config";
    /** The property naming the sandbox's world file (JSON5); without it the built-in world is used. */
    public static final String WORLD_FILE = "onebot.sandbox.world";

    private static final Set<String> TOP_LEVEL = Set.of(CONFIG_FILE, "onebot.core", "onebot.sandbox.selfId",
            "onebot.sandbox.nickname", "onebot.sandbox.messageCapacity", "onebot.sandbox.http", WORLD_FILE,
            "onebot.actionTimeout", "onebot.upstream.url", "onebot.upstream.token", "onebot.upstream.reconnectInterval",
            "onebot.upstream.timeout");

    private final Map<String, String> properties;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private SettingsReader(Map<String, String> properties) {
        this.properties = properties;
    }

    /** Reads the JVM's system properties, which is where application servers put their own. */
    public static GatewaySettings fromSystemProperties() {
        return read(System.getProperties());
    }

    /** Reads the {@code onebot.*} entries of the given properties. */
    public static GatewaySettings read(Properties source) {
        Map<String, String> all = new TreeMap<>();
        for (String key : source.stringPropertyNames()) {
            all.put(key, source.getProperty(key));
        }
        return read(all);
    }

    /**
     * Reads the given {@code onebot.*} entries; keys without the prefix are ignored. When
     * {@value #CONFIG_FILE} names a NapCat file, its network section comes first and the given
     * entries override it key by key.
     */
    public static GatewaySettings read(Map<String, String> source) {
        Map<String, String> given = new TreeMap<>();
        source.forEach((key, value) -> {
            if (key.startsWith(PREFIX)) {
                given.put(key, value);
            }
        });
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> onebot = new TreeMap<>();
        String file = given.get(CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            filePath(CONFIG_FILE, file.trim(), problems).ifPresent(path -> onebot.putAll(importFile(path, problems, notes)));
        }
        onebot.putAll(given);
        SettingsReader reader = new SettingsReader(onebot);
        reader.problems.addAll(problems);
        reader.notes.addAll(notes);
        return reader.build();
    }

    /**
     * The file a property names; a value the file system cannot take as a path (a NUL character,
     * a character the platform's encoding cannot write) is recorded as a problem like any other
     * bad value, instead of escaping as an exception that names no property.
     */
    private static Optional<Path> filePath(String key, String value, List<String> problems) {
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            problems.add(key + ": value '" + value + "' is not a file path (" + e.getReason() + ")");
            return Optional.empty();
        }
    }

    private static Map<String, String> importFile(Path file, List<String> problems, List<String> notes) {
        String where = CONFIG_FILE + " (" + file + ")";
        JsonValue content;
        try {
            content = JsonText.parse(Files.readString(file));
        } catch (IOException e) {
            problems.add(where + ": cannot be read: " + e.getMessage());
            return Map.of();
        } catch (MalformedRequestException e) {
            problems.add(where + ": is not JSON or JSON5 (" + e.getMessage() + ")");
            return Map.of();
        }
        if (!(content instanceof JsonObject object)) {
            problems.add(where + ": must hold a JSON object like NapCat's onebot11.json");
            return Map.of();
        }
        List<String> fileNotes = new ArrayList<>();
        List<String> fileProblems = new ArrayList<>();
        Map<String, String> imported = NapCatConfigFile.properties(object,
                Map.of("websocketServers", SERVER_OPTIONS, "websocketClients", CLIENT_OPTIONS), fileNotes, fileProblems);
        fileProblems.forEach(problem -> problems.add(where + ": " + problem));
        fileNotes.forEach(note -> notes.add(where + ": " + note));
        return imported;
    }

    private GatewaySettings build() {
        CoreKind core = enumValue("onebot.core", CoreKind.class, CoreKind.SANDBOX);
        long selfId = longValue("onebot.sandbox.selfId", 10001, 1, 0xFFFF_FFFFL);
        String nickname = stringValue("onebot.sandbox.nickname", "OneBot Sandbox");
        String worldFile = properties.getOrDefault(WORLD_FILE, "").trim();
        Optional<Path> worldPath = worldFile.isEmpty() ? Optional.empty() : filePath(WORLD_FILE, worldFile, problems);
        WorldDefinition world = worldPath
                .map(path -> WorldFile.read(path, selfId, nickname, WORLD_FILE + " (" + path + ")", problems))
                .orElseGet(() -> WorldDefinition.standard(selfId, nickname));
        SandboxSettings sandbox = new SandboxSettings(selfId, nickname,
                (int) longValue("onebot.sandbox.messageCapacity", 10_000, 1, 10_000_000),
                booleanValue("onebot.sandbox.http", true), worldPath, world);
        Duration actionTimeout = Duration.ofMillis(longValue("onebot.actionTimeout", 30_000, 100, 3_600_000));
        UpstreamSettings upstream = upstream(core);
        List<ServerEntry> servers = new ArrayList<>();
        for (String name : entryNames(SERVERS_PREFIX, SERVER_OPTIONS)) {
            servers.add(serverEntry(name));
        }
        List<ClientEntry> clients = new ArrayList<>();
        for (String name : entryNames(CLIENTS_PREFIX, CLIENT_OPTIONS)) {
            if (servers.stream().anyMatch(server -> server.name().equals(name))) {
                problems.add(CLIENTS_PREFIX + name + ".*: the name '" + name
                        + "' is also a websocketServers entry; every connection entry needs its own name");
            }
            clients.add(clientEntry(name));
        }
        reportUnknownKeys();
        for (int i = 0; i < servers.size(); i++) {
            for (int j = i + 1; j < servers.size(); j++) {
                ServerEntry a = servers.get(i);
                ServerEntry b = servers.get(j);
                if (a.path().equals(b.path()) && a.port() == b.port()) {
                    problems.add(SERVERS_PREFIX + a.name() + " and " + SERVERS_PREFIX + b.name()
                            + ": both serve path " + a.path() + " on port " + a.port()
                            + "; give each its own path (or port)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new GatewaySettings(core, actionTimeout, sandbox, upstream, servers, clients, notes);
    }

    private UpstreamSettings upstream(CoreKind core) {
        String raw = properties.getOrDefault("onebot.upstream.url", "").trim();
        Optional<URI> url = raw.isEmpty() ? Optional.empty() : Optional.of(url("onebot.upstream.url", raw));
        if (url.isEmpty() && core == CoreKind.UPSTREAM) {
            problems.add("onebot.upstream.url: required with onebot.core=upstream; give the forward WebSocket of the"
                    + " OneBot 11 implementation, such as ws://127.0.0.1:3001/");
        }
        return new UpstreamSettings(url, stringValue("onebot.upstream.token", "").trim(),
                Duration.ofMillis(longValue("onebot.upstream.reconnectInterval", 5_000, MIN_RECONNECT_INTERVAL, 3_600_000)),
                Duration.ofMillis(longValue("onebot.upstream.timeout", 30_000, 100, 3_600_000)));
    }

    /** The entry names under a prefix; keys with an unknown option are reported. */
    private Set<String> entryNames(String prefix, Set<String> options) {
        Set<String> names = new TreeSet<>();
        for (String key : properties.keySet()) {
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                String option = dot < 0 ? "" : rest.substring(dot + 1);
                if (dot <= 0 || !options.contains(option)) {
                    problems.add(key + ": unknown setting; expected " + prefix + "<name>.<option> with <option> one of "
                            + new TreeSet<>(options));
                } else {
                    names.add(rest.substring(0, dot));
                }
            }
        }
        return names;
    }

    /** Reports {@code onebot.*} keys that belong to no known setting. */
    private void reportUnknownKeys() {
        for (String key : properties.keySet()) {
            if (key.startsWith(SERVERS_PREFIX) || key.startsWith(CLIENTS_PREFIX) || TOP_LEVEL.contains(key)) {
                continue;
            }
            problems.add(key + ": unknown setting; known ones are " + new TreeSet<>(TOP_LEVEL) + ", "
                    + SERVERS_PREFIX + "<name>.<option> and " + CLIENTS_PREFIX + "<name>.<option>");
        }
    }

    private ClientEntry clientEntry(String name) {
        String p = CLIENTS_PREFIX + name + ".";
        checkName(p, name);
        long reconnect = longValue(p + "reconnectInterval", 5_000, MIN_RECONNECT_INTERVAL, Integer.MAX_VALUE);
        return new ClientEntry(
                name,
                booleanValue(p + "enable", false),
                url(p + "url", properties.getOrDefault(p + "url", "ws://localhost:8082")),
                properties.getOrDefault(p + "token", "").strip(),
                reconnect,
                longValue(p + "handshakeTimeout", 5_000, MIN_HANDSHAKE_TIMEOUT, Integer.MAX_VALUE),
                heartInterval(p),
                enumValue(p + "messagePostFormat", MessageFormat.class, MessageFormat.ARRAY),
                booleanValue(p + "reportSelfMessage", false),
                booleanValue(p + "debug", false),
                booleanValue(p + "verifyCertificate", true));
    }

    /**
     * A reverse connection's address: {@code ws://} or {@code wss://} with a host ({@code http://}
     * and {@code https://} are read as their WebSocket twins, as NapCat's client does).
     */
    private URI url(String key, String raw) {
        try {
            URI uri = new URI(raw.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "http" -> uri = new URI("ws", uri.getSchemeSpecificPart(), uri.getFragment());
                case "https" -> uri = new URI("wss", uri.getSchemeSpecificPart(), uri.getFragment());
                case "ws", "wss" -> { }
                default -> {
                    problems.add(key + ": value '" + ClientEntry.redact(raw) + "' is not allowed; allowed: a ws:// or wss:// URL");
                    return URI.create("ws://invalid");
                }
            }
            if (uri.getHost() == null) {
                problems.add(key + ": value '" + ClientEntry.redact(raw)
                        + "' has no host; allowed: a ws:// or wss:// URL such as ws://127.0.0.1:8080/onebot");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add(key + ": value '" + ClientEntry.redact(raw) + "' is not a URL (" + e.getReason()
                    + "); allowed: a ws:// or wss:// URL");
            return URI.create("ws://invalid");
        }
    }

    /** A route prefix: {@code /}, or up to two segments such as {@code /dash} or {@code /bots/one}. */
    private String path(String key) {
        String raw = properties.getOrDefault(key, "/").trim();
        String path = raw.length() > 1 && raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        if (!path.matches("/|(/[A-Za-z0-9_~-]+){1,2}") || path.endsWith("/api") || path.endsWith("/event")) {
            problems.add(key + ": value '" + raw + "' is not allowed; allowed: / or one or two path segments of"
                    + " letters, digits, '_', '-' or '~' such as /dash, not ending in /api or /event");
            return "/";
        }
        return path;
    }

    private void checkName(String prefix, String name) {
        if (name.isBlank()) {
            problems.add(prefix + "*: an entry name must not be blank");
        }
    }

    private long heartInterval(String prefix) {
        long heart = longValue(prefix + "heartInterval", 30_000, Long.MIN_VALUE, Integer.MAX_VALUE);
        if (heart > 0 && heart < MIN_HEART_INTERVAL) {
            problems.add(prefix + "heartInterval: value '" + heart + "' is too small; allowed: <= 0 (off) or "
                    + MIN_HEART_INTERVAL + ".." + Integer.MAX_VALUE + " milliseconds");
        }
        return Math.max(heart, 0);
    }

    private ServerEntry serverEntry(String name) {
        String p = SERVERS_PREFIX + name + ".";
        checkName(p, name);
        String host = stringValue(p + "host", "127.0.0.1").trim();
        if (host.isEmpty()) {
            problems.add(p + "host: must not be empty; use 127.0.0.1 for this machine only or 0.0.0.0 for every interface");
        }
        long heart = heartInterval(p);
        return new ServerEntry(
                name,
                booleanValue(p + "enable", false),
                host,
                (int) longValue(p + "port", 3001, 1, 65535),
                path(p + "path"),
                properties.getOrDefault(p + "token", "").strip(),
                heart,
                enumValue(p + "messagePostFormat", MessageFormat.class, MessageFormat.ARRAY),
                booleanValue(p + "reportSelfMessage", false),
                booleanValue(p + "enableForcePushEvent", true),
                booleanValue(p + "debug", false),
                enumValue(p + "authFailure", AuthFailureMode.class, AuthFailureMode.FRAME),
                (int) longValue(p + "maxConnections", ServerEntry.DEFAULT_MAX_CONNECTIONS, 1, Integer.MAX_VALUE));
    }

    private String stringValue(String key, String defaultValue) {
        return properties.getOrDefault(key, defaultValue);
    }

    private boolean booleanValue(String key, boolean defaultValue) {
        return parse(key, defaultValue, "true or false", raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
    }

    private long longValue(String key, long defaultValue, long min, long max) {
        String allowed = min == Long.MIN_VALUE ? "a whole number up to " + max : "a whole number from " + min + " to " + max;
        return parse(key, defaultValue, allowed, raw -> {
            try {
                long value = Long.parseLong(raw);
                return value < min || value > max ? null : value;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    private <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return parse(key, defaultValue, "one of " + names, raw -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(raw)) {
                    return constant;
                }
            }
            return null;
        });
    }

    /** Parses a present value or returns the default; an unparsable value is recorded as a problem. */
    private <T> T parse(String key, T defaultValue, String allowed, Function<String, T> parser) {
        String raw = properties.get(key);
        if (raw == null) {
            return defaultValue;
        }
        T value = parser.apply(raw.trim());
        if (value == null) {
            problems.add(key + ": value '" + raw + "' is not allowed; allowed: " + allowed);
            return defaultValue;
        }
        return value;
    }
}
